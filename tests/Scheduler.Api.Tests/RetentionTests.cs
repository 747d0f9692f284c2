using System.Globalization;
using System.Net;
using Scheduler.Api.Tests.Support;
using Scheduler.Core.Ports;
using Scheduler.Testing;
using static Scheduler.Testing.RunPolling;

namespace Scheduler.Api.Tests;

/// <summary>The Server's retention loop with runs kept two seconds and a pass every second: an interval job's ended runs go,
/// its last run stays, and the listings (per job and across jobs, paged) show what is left.</summary>
[Collection(ApiDefinition.Name)]
public sealed class RetentionTests(ApiFixture fixture)
{
    private static readonly Dictionary<string, string?> ShortRetention = new()
    {
        ["Scheduler:Retention:RunsFor"] = "00:00:02",
        ["Scheduler:Retention:Interval"] = "00:00:01",
    };

    [Fact]
    public async Task Server_RunsPastRetention_GoWhileTheJobsLastRunStays_ListingsShowTheRest()
    {
        await using var app = new SchedulerApp(fixture.Azurite.NewOptions(), ShortRetention);
        using var client = app.Api();
        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture));
        var id = JobBodies.Unique("keep");
        await (await client.PostJsonAsync("/api/jobs", JobBodies.Http(id, fixture.Sink.Url($"ok/{id}"), JobBodies.Interval("00:00:01")))).ExpectAsync(HttpStatusCode.Created);
        await Eventually.GetAsync(() => JobAsync(client, id), j => j["occurrences"]!.GetValue<int>() >= 6, RunPolling.Timeout, TimeSpan.FromMilliseconds(200), "six runs");

        await (await client.PostJsonAsync($"/api/jobs/{id}/pause", null)).ExpectAsync(HttpStatusCode.OK);
        var runs = await WaitForRunsAsync(client, id, r => r.Count == 1 && Status(r[0]) == "Succeeded");

        var job = await JobAsync(client, id);
        var last = runs[0]!["runId"]!.GetValue<string>();
        Assert.Equal(job["lastRunId"]!.GetValue<string>(), last);
        Assert.True(job["occurrences"]!.GetValue<int>() >= 6);
        var page = await (await client.GetAsync($"/api/jobs/{id}/runs?limit=1")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([last], page["items"]!.AsArray().Select(r => r!["runId"]!.GetValue<string>()));
        Assert.Null(page["continuation"]?.GetValue<string>());
        var across = await (await client.GetAsync($"/api/runs?since={since}&limit=1")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal([last], across["items"]!.AsArray().Select(r => r!["runId"]!.GetValue<string>()));
        Assert.Null(across["continuation"]?.GetValue<string>());
    }

    [Fact]
    public async Task DeleteJob_RunsKeptByDefault_RemovedWithRunsRemove()
    {
        await using var app = new SchedulerApp(fixture.Azurite.NewOptions());
        using var client = app.Api();
        var runs = app.Get<IRunStore>();
        string[] ids = [JobBodies.Unique("del-keep"), JobBodies.Unique("del-drop")];
        foreach (var id in ids)
        {
            await (await client.PostJsonAsync("/api/jobs", JobBodies.Http(id, fixture.Sink.Url($"ok/{id}"), JobBodies.Once()))).ExpectAsync(HttpStatusCode.Created);
            await WaitForRunsAsync(client, id, r => r.Count == 1 && Status(r[0]) == "Succeeded");
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/jobs/{ids[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/jobs/{ids[1]}?runs=remove")).StatusCode);

        Assert.Single(await runs.ListKeysByJobAsync(ids[0], CancellationToken.None));
        Assert.Empty(await runs.ListKeysByJobAsync(ids[1], CancellationToken.None));
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> JobAsync(HttpClient client, string id) =>
        await (await client.GetAsync($"/api/jobs/{id}")).ExpectAsync(HttpStatusCode.OK);
}
