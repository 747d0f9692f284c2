using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;
using static Scheduler.Testing.RunPolling;

namespace Scheduler.Api.Tests;

[Collection(ApiDefinition.Name)]
public sealed class ConcurrencyTests(ApiFixture fixture)
{
    [Fact]
    public async Task PutConfig_LaneBudget_IsHonouredFromTheNextTick()
    {
        using var client = fixture.App.Api();
        var lane = JobBodies.Unique("lane");
        var id = JobBodies.Unique("budget");
        await PutLaneAsync(client, lane, 0);
        await (await client.PostJsonAsync("/api/jobs", JobBodies.Http(id, fixture.Sink.Url($"ok/{id}"), JobBodies.Once()).With("lane", lane)))
            .ExpectAsync(HttpStatusCode.Created);

        var due = DateTimeOffset.UtcNow;

        // Budget 0: sweeps that began after the occurrence was due, a tick apart, dispatched nothing; the stats show the lane empty.
        await SweepPolling.WaitForSweepAfterAsync(client, due + TimeSpan.FromSeconds(1));
        Assert.Empty(await RunsAsync(client, id));
        var stats = await (await client.GetAsync("/api/stats")).ExpectAsync(HttpStatusCode.OK);
        var usage = stats["lanes"]!.AsArray().Single(l => l!["lane"]!.GetValue<string>() == lane)!;
        Assert.Equal(0, usage["budget"]!.GetValue<int>());

        await PutLaneAsync(client, lane, 1);

        await WaitForRunsAsync(client, id, r => r.Count == 1 && Status(r[0]!) == "Succeeded");
    }

    private static async Task PutLaneAsync(HttpClient client, string lane, int budget)
    {
        var current = await client.GetAsync("/api/config");
        var config = await current.ExpectAsync(HttpStatusCode.OK);
        var lanes = config["lanes"]!.AsObject().DeepClone().AsObject();
        lanes[lane] = budget;
        var body = new JsonObject { ["defaultLaneConcurrency"] = 16, ["lanes"] = lanes, ["pauseAll"] = false };
        var headers = current.Headers.ETag is null ? null : new Dictionary<string, string> { ["If-Match"] = HttpHelpers.ETagOf(current) };
        var saved = await (await client.PutJsonAsync("/api/config", body, headers)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(budget, saved["lanes"]![lane]!.GetValue<int>());
    }
}
