using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Api.Tests.Support;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Stats;
using Scheduler.Testing;

namespace Scheduler.Api.Tests;

/// <summary>/api/stats and /api/stats/history read the per-minute run counters (not the runs table), which the engine writes once
/// per run's final status and once per first attempt. Each test has a Server over its own tables, so the counts are exact.</summary>
[Collection(ApiDefinition.Name)]
public sealed class RunHistoryTests(ApiFixture fixture)
{
    private static readonly Dictionary<string, string?> FastFlush = new() { ["Scheduler:Stats:FlushInterval"] = "00:00:00.200" };

    [Fact]
    public async Task Stats_CountersSeededWithoutRuns_AreTheLastHour()
    {
        await using var app = new SchedulerApp(fixture.Azurite.NewOptions());
        using var client = app.Api();
        var now = DateTimeOffset.UtcNow;
        var store = app.Services.GetRequiredService<IRunCounterStore>();
        await store.AddAsync(Counts(now.AddMinutes(-30), succeeded: 40, failed: 2, (40, 90), (5_000, 8), (-3, 2)), CancellationToken.None);
        await store.AddAsync(Counts(now.AddMinutes(-90), succeeded: 1_000, failed: 0, (10, 1_000)), CancellationToken.None);

        var stats = await (await client.GetAsync("/api/stats")).ExpectAsync(HttpStatusCode.OK);

        var runs = stats["runsLastHour"]!;
        Assert.Equal((40, 2, 0, 0), (Long(runs, "Succeeded"), Long(runs, "Failed"), Long(runs, "Canceled"), Long(runs, "Skipped")));
        var lateness = stats["latenessMs"]!;
        Assert.Equal((100, 2), (Long(lateness, "samples"), Long(lateness, "early")));
        Assert.InRange(lateness["p50"]!.GetValue<double>(), 20, 50);
        Assert.InRange(lateness["p95"]!.GetValue<double>(), 5_000, 7_500);
        Assert.InRange(lateness["p99"]!.GetValue<double>(), 5_000, 7_500);
    }

    [Fact]
    public async Task History_HourAndDay_OnePointPerStepWithTheSeededCounts()
    {
        await using var app = new SchedulerApp(fixture.Azurite.NewOptions());
        using var client = app.Api();
        var now = DateTimeOffset.UtcNow;
        var store = app.Services.GetRequiredService<IRunCounterStore>();
        await store.AddAsync(Counts(now.AddMinutes(-30), succeeded: 40, failed: 2, (40, 90), (-3, 2)), CancellationToken.None);
        await store.AddAsync(Counts(now.AddMinutes(-90), succeeded: 7, failed: 0, (10, 7)), CancellationToken.None);

        var hour = await (await client.GetAsync("/api/stats/history")).ExpectAsync(HttpStatusCode.OK);
        var day = await (await client.GetAsync("/api/stats/history?window=24h")).ExpectAsync(HttpStatusCode.OK);

        var minutes = hour["points"]!.AsArray();
        Assert.Equal((60, 60L, "1h"), (minutes.Count, Long(hour, "stepSeconds"), hour["window"]!.GetValue<string>()));
        var seeded = Assert.Single(minutes, p => Long(p!["finished"]!, "Succeeded") > 0)!;
        Assert.Equal(RunCounts.MinuteOf(now.AddMinutes(-30)), seeded["startUtc"]!.GetValue<DateTimeOffset>());
        Assert.Equal((40, 2, 92, 2), (Long(seeded["finished"]!, "Succeeded"), Long(seeded["finished"]!, "Failed"), Long(seeded["latenessMs"]!, "samples"), Long(seeded["latenessMs"]!, "early")));
        Assert.InRange(seeded["latenessMs"]!["p50"]!.GetValue<double>(), 20, 50);
        Assert.All(minutes.Where(p => p != seeded), p => Assert.Null(p!["latenessMs"]!["p50"]?.GetValue<double?>()));

        var quarters = day["points"]!.AsArray();
        Assert.Equal((96, 900L), (quarters.Count, Long(day, "stepSeconds")));
        Assert.Equal(47, quarters.Sum(p => Long(p!["finished"]!, "Succeeded")));
        Assert.True(quarters[^1]!["startUtc"]!.GetValue<DateTimeOffset>() <= now && now < day["toUtc"]!.GetValue<DateTimeOffset>());

        await (await client.GetAsync("/api/stats/history?window=7d")).ExpectProblemAsync(HttpStatusCode.BadRequest, "window");
    }

    [Fact]
    public async Task Engine_RealRuns_AreCountedOnceByFinalStatusWithTheirLateness()
    {
        await using var app = new SchedulerApp(fixture.Azurite.NewOptions(), FastFlush);
        using var client = app.Api();
        var ids = new List<string>();
        foreach (var (prefix, path) in new[] { ("ok", "ok"), ("ok", "ok"), ("ok", "ok"), ("bad", "fail"), ("bad", "fail") })
        {
            var id = JobBodies.Unique($"hist-{prefix}");
            ids.Add(id);
            var body = JobBodies.Http(id, fixture.Sink.Url($"{path}/{id}"), JobBodies.Once()).With("retry", new JsonObject { ["maxAttempts"] = 1 });
            await (await client.PostJsonAsync("/api/jobs", body)).ExpectAsync(HttpStatusCode.Created);
        }

        foreach (var id in ids)
        {
            await RunPolling.WaitForRunsAsync(client, id, r => r.Count == 1 && r[0]!["status"]!.GetValue<string>() is "Succeeded" or "Failed");
        }

        var stats = await Eventually.GetAsync(
            async () => await (await client.GetAsync("/api/stats")).ExpectAsync(HttpStatusCode.OK),
            s => Long(s["runsLastHour"]!, "Succeeded") + Long(s["runsLastHour"]!, "Failed") >= 5 && Long(s["latenessMs"]!, "samples") >= 5,
            RunPolling.Timeout,
            TimeSpan.FromMilliseconds(200));
        var history = await (await client.GetAsync("/api/stats/history")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal((3, 2), (Long(stats["runsLastHour"]!, "Succeeded"), Long(stats["runsLastHour"]!, "Failed")));
        Assert.Equal((5, 0), (Long(stats["latenessMs"]!, "samples"), Long(stats["latenessMs"]!, "early")));
        Assert.InRange(stats["latenessMs"]!["p50"]!.GetValue<double>(), 0, 10_000);
        var points = history["points"]!.AsArray();
        Assert.Equal((3, 2, 5), (points.Sum(p => Long(p!["finished"]!, "Succeeded")), points.Sum(p => Long(p!["finished"]!, "Failed")), points.Sum(p => Long(p!["latenessMs"]!, "samples"))));
    }

    [Fact]
    public async Task JobList_CarriesEachJobsLastRun_WithoutAskingForRuns()
    {
        using var client = fixture.App.Api();
        var ran = JobBodies.Unique("last-ran");
        var idle = JobBodies.Unique("last-idle");
        await (await client.PostJsonAsync("/api/jobs", JobBodies.Http(ran, fixture.Sink.Url($"ok/{ran}"), JobBodies.FarFuture()))).ExpectAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync("/api/jobs", JobBodies.Http(idle, fixture.Sink.Url($"ok/{idle}"), JobBodies.FarFuture()))).ExpectAsync(HttpStatusCode.Created);
        var triggered = await (await client.PostJsonAsync($"/api/jobs/{ran}/trigger", null)).ExpectAsync(HttpStatusCode.Accepted);
        var runId = triggered["runId"]!.GetValue<string>();
        await RunPolling.WaitForRunsAsync(client, ran, r => r.Count == 1 && RunPolling.Status(r[0]!) == "Succeeded");

        var list = (await (await client.GetAsync($"/api/jobs?text=last-&limit=200")).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray();
        var one = await (await client.GetAsync($"/api/jobs/{ran}")).ExpectAsync(HttpStatusCode.OK);

        var listed = Assert.Single(list, j => j!["id"]!.GetValue<string>() == ran)!;
        foreach (var job in new[] { listed, one })
        {
            var last = job["lastRun"]!;
            Assert.Equal((runId, runId, "Succeeded"), (job["lastRunId"]!.GetValue<string>(), last["runId"]!.GetValue<string>(), last["status"]!.GetValue<string>()));
            Assert.True(last["finishedUtc"]!.GetValue<DateTimeOffset>() >= last["startedUtc"]!.GetValue<DateTimeOffset>());
        }

        Assert.Null(Assert.Single(list, j => j!["id"]!.GetValue<string>() == idle)!["lastRun"]);
    }

    private static long Long(JsonNode node, string name) => node[name]?.GetValue<long>() ?? 0;

    private static RunCounts Counts(DateTimeOffset minute, long succeeded, long failed, params (double Ms, long N)[] lateness)
    {
        var buckets = new long[LatenessBuckets.Count];
        foreach (var (ms, n) in lateness)
        {
            buckets[LatenessBuckets.IndexOf(ms)] += n;
        }

        return new RunCounts
        {
            Minute = RunCounts.MinuteOf(minute),
            Finished = new Dictionary<RunStatus, long> { [RunStatus.Succeeded] = succeeded, [RunStatus.Failed] = failed },
            Lateness = buckets,
        };
    }
}
