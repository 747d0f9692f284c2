using System.Globalization;
using System.Text.Json.Nodes;

namespace Scheduler.Bench.Scenarios;

/// <summary>What became of the runs the sink never saw, read through the API once the chaos is over: no run row yet (the
/// occurrence never got a slot), a run still waiting or running, or a run recorded as finished that never reached the sink.
/// "Lost" is only the last kind, or a job whose creation was answered 201 and that is missing.</summary>
internal static class ChaosAudit
{
    public static async Task<IReadOnlyDictionary<string, int>> ClassifyAsync(HttpClient api, IEnumerable<int> missing)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in missing)
        {
            var state = await StateAsync(api, string.Create(CultureInfo.InvariantCulture, $"chaos-{i:D5}"));
            counts[state] = counts.GetValueOrDefault(state) + 1;
        }

        return counts;
    }

    private static async Task<string> StateAsync(HttpClient api, string jobId)
    {
        try
        {
            using var job = await api.GetAsync($"api/jobs/{jobId}");
            if (!job.IsSuccessStatusCode)
            {
                return $"job missing ({(int)job.StatusCode})";
            }

            using var response = await api.GetAsync($"api/jobs/{jobId}/runs");
            var items = JsonNode.Parse(await response.Content.ReadAsStringAsync())?["items"]?.AsArray() ?? [];
            if (items.Count == 0)
            {
                return "no run yet (waiting for a slot)";
            }

            var run = items[0]!;
            var status = run["status"]?.GetValue<string>() ?? "?";
            return status is "Queued" or "Running" or "Retrying"
                ? $"run {status}{(run["inFlightAttempt"] is { } a ? $" (attempt {a} in flight)" : "")}"
                : $"run {status} but never delivered";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return "unreadable: " + ex.GetType().Name;
        }
    }
}
