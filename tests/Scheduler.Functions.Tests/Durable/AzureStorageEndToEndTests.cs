using Microsoft.DurableTask.Client;
using Scheduler.Core.Runs;
using Scheduler.Functions.Http;
using Scheduler.Testing;
using Xunit.Abstractions;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>The Functions app end to end on the production Durable backend (DurableTask.AzureStorage over Azurite), through
/// its own functions: HTTP function -> timer sweep -> queue trigger -> orchestration -> activities -> a real HTTP sink.
/// Every orchestration here runs over several episodes, each replaying its history on the real engine, which fails the
/// orchestration on a non-deterministic replay: each test checks that its instance Completed.</summary>
[Collection("azurite")]
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.DisposeAsync.
public sealed class AzureStorageEndToEndTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly ScriptedSink sink = new();
    private FunctionsAppSettings settings = null!;
    private FunctionsApp app = null!;
    private AppDriver driver = null!;

    public async Task InitializeAsync()
    {
        await sink.StartAsync();
        settings = new FunctionsAppSettings(DurableBackend.AzureStorage, azurite.NewOptions(), "hub" + Guid.NewGuid().ToString("N")[..10]);
        app = await FunctionsApp.StartAsync(settings, new TestOutputLoggerProvider(output));
        driver = new AppDriver(app);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await sink.DisposeAsync();
    }

    [Fact]
    public async Task Job_CreatedThroughTheHttpFunction_RunsToSucceededThroughTheOrchestration()
    {
        var due = AppDriver.In(2);
        var runId = await driver.CreateOnceJobAsync("e2e", sink.Url("ok/e2e"), due);

        var run = await driver.FinishedAsync("e2e", runId);
        var instance = await driver.InstanceSettledAsync(runId);

        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.AttemptCount));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        var hit = Assert.Single(sink.For("ok/e2e"));
        Assert.Equal(runId, hit.IdempotencyKey);
    }

    [Fact]
    public async Task ChildAfterParent_RunsOnceAfterTheParentSucceeded_WithItAsItsParent()
    {
        // Due beyond the sweep's lookahead (5 s here), so its run is dispatched after the child names it: a run snapshots its
        // job's children when it is dispatched.
        var parentRunId = await driver.CreateOnceJobAsync("extract", sink.Url("ok/extract"), AppDriver.In(9));
        var child = $$"""{ "id": "load", "target": { "type": "http", "url": "{{sink.Url("ok/load")}}" }, "schedule": { "kind": "None" }, "after": [{ "job": "extract", "on": "Succeeded" }] }""";
        var request = HttpCall.Request(app, "POST", child);
        var (status, body) = await HttpCall.ExecuteAsync(request, app.Function<JobFunctions>().Create(request, CancellationToken.None));
        Assert.True(status == 201, $"CreateJob answered {status}: {body}");

        var parent = await driver.FinishedAsync("extract", parentRunId);
        var childRunId = RunIds.For("load", parent.FinishedUtc!.Value);
        var childRun = await driver.FinishedAsync("load", childRunId);

        Assert.Equal((RunStatus.Succeeded, RunTrigger.Parent), (childRun.Status, childRun.Trigger));
        Assert.Equal(new RunParent("extract", parentRunId, RunStatus.Succeeded, "ok"), childRun.Inputs.Parent);
        Assert.Single(sink.For("ok/load"));
        Assert.True(Assert.Single(sink.For("ok/load")).ReceivedUtc >= Assert.Single(sink.For("ok/extract")).ReceivedUtc);
        Assert.Single((await driver.Runs.ListByJobAsync("load", 10, null, CancellationToken.None)).Items);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await driver.InstanceSettledAsync(childRunId)).RuntimeStatus);
    }

    [Fact]
    public async Task JobDueInThreeSeconds_StartsAtOrAfterItsDueTime_AndWithinOneSecond()
    {
        var due = AppDriver.In(3);
        var runId = await driver.CreateOnceJobAsync("due3", sink.Url("ok/due3"), due);

        var run = await driver.FinishedAsync("due3", runId);

        var lateness = Assert.Single(sink.For("ok/due3")).ReceivedUtc - due;
        Assert.True(lateness >= TimeSpan.Zero, $"started {-lateness.TotalMilliseconds:F0} ms before its due time");
        Assert.True(lateness < TimeSpan.FromSeconds(1), $"started {lateness.TotalMilliseconds:F0} ms late");
        Assert.True(run.LatenessMs >= 0, $"the run records {run.LatenessMs} ms");
    }

    [Fact]
    public async Task SinkFailingTwice_GivesThreeAttempts_NeverSoonerThanThePolicysBackoff()
    {
        var retry = """, "retry": { "maxAttempts": 3, "firstInterval": "00:00:01", "coefficient": 2, "maxInterval": "00:01:00", "jitter": 0 }""";
        var runId = await driver.CreateOnceJobAsync("flaky", sink.Url("flaky/2/f"), AppDriver.In(1), retry);

        var run = await driver.FinishedAsync("flaky", runId);

        Assert.Equal((RunStatus.Succeeded, 3), (run.Status, run.AttemptCount));
        var hits = sink.For("flaky/2/f").OrderBy(h => h.ReceivedUtc).ToList();
        Assert.Equal(["1", "2", "3"], hits.Select(h => h.Attempt));
        Assert.True(hits[1].ReceivedUtc - hits[0].ReceivedUtc >= TimeSpan.FromSeconds(1), $"second attempt {(hits[1].ReceivedUtc - hits[0].ReceivedUtc).TotalMilliseconds:F0} ms after the first");
        Assert.True(hits[2].ReceivedUtc - hits[1].ReceivedUtc >= TimeSpan.FromSeconds(2), $"third attempt {(hits[2].ReceivedUtc - hits[1].ReceivedUtc).TotalMilliseconds:F0} ms after the second");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await driver.InstanceSettledAsync(runId)).RuntimeStatus);
    }

    [Fact]
    public async Task Trigger_WithPayloadAndKey_RunsExternalWithItsParametersOnEveryAttempt_AndARepeatIsTheSameRun()
    {
        var extra = """, "parameters": [{ "name": "file", "default": "all.csv" }], "retry": { "maxAttempts": 2, "firstInterval": "00:00:01", "jitter": 0 }""";
        await driver.CreateOnceJobAsync("ext", sink.Url("flaky/1/ext") + "?file={{params.file}}&attempt={{run.attempt}}", AppDriver.In(3600), extra);
        const string Payload = """{ "parameters": { "file": "a b&c.csv" } }""";

        var (status, body) = await driver.TriggerAsync("ext", Payload, "evt-7");
        var (again, repeat) = await driver.TriggerAsync("ext", Payload, "evt-7");
        var (other, _) = await driver.TriggerAsync("ext", """{ "parameters": { "file": "other.csv" } }""", "evt-7");

        var runId = body!.Value.GetProperty("runId").GetString()!;
        Assert.Equal((202, 200, 409), (status, again, other));
        Assert.Equal(runId, repeat!.Value.GetProperty("runId").GetString());
        var run = await driver.FinishedAsync("ext", runId);
        Assert.Equal((RunStatus.Succeeded, 2, RunTrigger.External), (run.Status, run.AttemptCount, run.Trigger));
        Assert.Equal("a b&c.csv", run.Inputs.Parameters["file"]);
        Assert.Equal(["?file=a%20b%26c.csv&attempt=1", "?file=a%20b%26c.csv&attempt=2"], sink.For("flaky/1/ext").Select(h => h.Query));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await driver.InstanceSettledAsync(runId)).RuntimeStatus);
    }

    [Fact]
    public async Task BadRequestAnswer_IsNotRetried()
    {
        var runId = await driver.CreateOnceJobAsync("bad", sink.Url("status/400/b"), AppDriver.In(1), """, "retry": { "maxAttempts": 5 }""");

        var run = await driver.FinishedAsync("bad", runId);

        Assert.Equal((RunStatus.Failed, 1), (run.Status, run.AttemptCount));
        Assert.Single(sink.For("status/400/b"));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await driver.InstanceSettledAsync(runId)).RuntimeStatus);
    }

    [Fact]
    public async Task Cancel_TerminatesTheRunningInstance_AndTheRunEndsCanceled()
    {
        var runId = await driver.CreateOnceJobAsync("hold", sink.Url("hold/c"), AppDriver.In(1), """, "timeout": "00:01:00" """);
        await Eventually.GetAsync(() => Task.FromResult(sink.For("hold/c").Count), n => n == 1, AppDriver.RunTimeout, TimeSpan.FromMilliseconds(100));

        var status = await driver.CancelAsync("hold", runId);
        var instance = await driver.InstanceSettledAsync(runId);

        Assert.Equal(200, status);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, instance.RuntimeStatus);
        Assert.Equal(RunStatus.Canceled, (await driver.Runs.GetAsync("hold", runId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task WorkerStoppedMidOrchestration_AndStartedAgain_FinishesTheRunWithNoAttemptLost()
    {
        // A backoff longer than DurableRunContext.InProcessWaitMax: the orchestration waits on a durable timer.
        var retry = """, "retry": { "maxAttempts": 3, "firstInterval": "00:00:08", "coefficient": 1, "maxInterval": "00:00:08", "jitter": 0 }""";
        var runId = await driver.CreateOnceJobAsync("restart", sink.Url("flaky/1/r"), AppDriver.In(1), retry);
        await Eventually.GetAsync(() => driver.Runs.GetAsync("restart", runId, CancellationToken.None), r => r?.AttemptCount == 1, AppDriver.RunTimeout);
        // Stopped while the orchestration waits for its retry: the episode that recorded attempt 1 has been committed.
        var recorded = (await driver.Runs.ListAttemptsAsync("restart", runId, CancellationToken.None)).Single().FinishedUtc;
        await Eventually.GetAsync(() => app.Client.GetInstanceAsync(runId), i => i is not null && i.LastUpdatedAt > recorded, AppDriver.RunTimeout);

        await app.DisposeAsync();
        app = await FunctionsApp.StartAsync(settings, new TestOutputLoggerProvider(output));
        driver = new AppDriver(app);
        var run = await driver.FinishedAsync("restart", runId);

        Assert.Equal((RunStatus.Succeeded, 2), (run.Status, run.AttemptCount));
        Assert.Equal(["1", "2"], sink.For("flaky/1/r").OrderBy(h => h.ReceivedUtc).Select(h => h.Attempt));
        Assert.Equal([1, 2], (await driver.Runs.ListAttemptsAsync("restart", runId, CancellationToken.None)).Select(a => a.Number));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await driver.InstanceSettledAsync(runId)).RuntimeStatus);
    }

    [Fact]
    public async Task WorkerStoppedRightAfterAnAttempt_DuringAShortRetryWait_FinishesTheRunWithNoAttemptLostOrRepeated()
    {
        // A backoff held in the next activity's process: the worker stops somewhere between attempt 1's write and attempt 2.
        var retry = """, "retry": { "maxAttempts": 3, "firstInterval": "00:00:03", "coefficient": 1, "maxInterval": "00:00:03", "jitter": 0 }""";
        var runId = await driver.CreateOnceJobAsync("short", sink.Url("flaky/1/s"), AppDriver.In(1), retry);
        await Eventually.GetAsync(() => driver.Runs.GetAsync("short", runId, CancellationToken.None), r => r?.AttemptCount == 1, AppDriver.RunTimeout);

        await app.DisposeAsync();
        app = await FunctionsApp.StartAsync(settings, new TestOutputLoggerProvider(output));
        driver = new AppDriver(app);
        var run = await driver.FinishedAsync("short", runId, TimeSpan.FromMinutes(7));

        Assert.Equal((RunStatus.Succeeded, 2), (run.Status, run.AttemptCount));
        Assert.Equal(["1", "2"], sink.For("flaky/1/s").OrderBy(h => h.ReceivedUtc).Select(h => h.Attempt));
        // Not asserted: the instance's completion, which waits for the stopped worker's work item to come back (its
        // visibility lease, 5 minutes by default) when the run was finished by a step that found the attempt recorded.
    }

    [Fact]
    public async Task TwoMessagesForOneRun_StartOneOrchestration()
    {
        var runId = await driver.CreateOnceJobAsync("twice", sink.Url("slow/300/t"), AppDriver.In(1));
        var message = $$"""{"jobId":"twice","runId":"{{runId}}"}""";

        await Task.WhenAll(
            app.Function<Triggers.RunQueueTrigger>().Run(message, app.Client, app.Context("RunQueueTrigger")),
            app.Function<Triggers.RunQueueTrigger>().Run(message, app.Client, app.Context("RunQueueTrigger")));
        var run = await driver.FinishedAsync("twice", runId);

        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.AttemptCount));
        Assert.Single(sink.For("slow/300/t"));
    }

    [Fact]
    public async Task BudgetOfThree_TwentyDueAtOnce_NeverMoreThanThreeAtTheSink()
    {
        await driver.PutConfigAsync("""{ "defaultLaneConcurrency": 3 }""");
        var due = AppDriver.In(3);
        var runIds = new List<(string Job, string Run)>();
        for (var i = 0; i < 20; i++)
        {
            runIds.Add(($"b{i}", await driver.CreateOnceJobAsync($"b{i}", sink.Url($"slow/400/b{i}"), due)));
        }

        foreach (var (job, run) in runIds)
        {
            Assert.Equal(RunStatus.Succeeded, (await driver.FinishedAsync(job, run, TimeSpan.FromMinutes(2))).Status);
        }

        Assert.Equal(20, sink.Hits.Count(h => h.Path.StartsWith("/slow/400/b", StringComparison.Ordinal)));
        Assert.InRange(sink.PeakConcurrency, 1, 3);
        Assert.All(sink.Hits, h => Assert.True(h.ReceivedUtc >= due, $"{h.Path} started before its due time"));
    }
}
