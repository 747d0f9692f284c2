using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Testing;

namespace Scheduler.Api.Tests.Support;

/// <summary>Waits for runs to show up through the API.</summary>
public static class RunPolling
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<JsonArray> RunsAsync(HttpClient client, string jobId)
    {
        var page = await (await client.GetAsync($"/api/jobs/{jobId}/runs?limit=200")).ExpectAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray();
    }

    public static Task<JsonArray> WaitForRunsAsync(HttpClient client, string jobId, Func<JsonArray, bool> done) =>
        Eventually.GetAsync(() => RunsAsync(client, jobId), done, Timeout, TimeSpan.FromMilliseconds(200));

    public static Task<JsonNode> WaitForRunAsync(HttpClient client, string location, Func<JsonNode, bool> done) =>
        Eventually.GetAsync(
            async () =>
            {
                var response = await client.GetAsync(location);
                return response.StatusCode == HttpStatusCode.NotFound ? new JsonObject() : await response.ExpectAsync(HttpStatusCode.OK);
            },
            done,
            Timeout,
            TimeSpan.FromMilliseconds(200));

    public static string Status(JsonNode run) => run["status"]?.GetValue<string>() ?? "";
}
