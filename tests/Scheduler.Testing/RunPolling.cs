using System.Net;
using System.Text.Json.Nodes;

namespace Scheduler.Testing;

/// <summary>Waits on runs through the REST API, as a client sees them (any client with a base address and the API key).</summary>
public static class RunPolling
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>The job's runs (its first page of up to 200), newest first.</summary>
    public static async Task<JsonArray> RunsAsync(HttpClient client, string jobId)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri($"api/jobs/{jobId}/runs?limit=200", UriKind.Relative)).ConfigureAwait(false);
        return (await OkJsonAsync(response).ConfigureAwait(false))["items"]!.AsArray();
    }

    public static Task<JsonArray> WaitForRunsAsync(HttpClient client, string jobId, Func<JsonArray, bool> done, TimeSpan? timeout = null) =>
        Eventually.GetAsync(() => RunsAsync(client, jobId), done, timeout ?? Timeout, Interval, $"the runs of {jobId}");

    /// <summary>Polls one run (its <paramref name="location"/>, e.g. <c>api/runs/{job}/{run}</c>); a 404 reads as an empty object.</summary>
    public static Task<JsonNode> WaitForRunAsync(HttpClient client, string location, Func<JsonNode, bool> done, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Eventually.GetAsync(
            async () =>
            {
                using var response = await client.GetAsync(new Uri(location, UriKind.RelativeOrAbsolute)).ConfigureAwait(false);
                return response.StatusCode == HttpStatusCode.NotFound ? new JsonObject() : await OkJsonAsync(response).ConfigureAwait(false);
            },
            done,
            timeout ?? Timeout,
            Interval,
            $"the run at {location}");
    }

    public static string Status(JsonNode? run) => run?["status"]?.GetValue<string>() ?? "";

    /// <summary>The body of a 200 answer; any other status fails with the answer.</summary>
    internal static async Task<JsonNode> OkJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK
            ? JsonNode.Parse(text) ?? new JsonObject()
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
    }
}
