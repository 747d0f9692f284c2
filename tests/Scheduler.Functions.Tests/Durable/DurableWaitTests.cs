using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Core.Runs;
using Scheduler.Functions.Durable;
using Scheduler.Storage;
using Scheduler.Testing;
using Xunit.Abstractions;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>Waits and freed slots on the production Durable backend (DurableTask.AzureStorage over Azurite), where a durable
/// timer is a queue message with a whole-second visibility delay: a wait costs a bounded number of orchestration episodes,
/// whatever the machine's speed, and never ends early; a slot a run frees is used at once, not at the next timer tick.</summary>
[Collection("azurite")]
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.DisposeAsync.
public sealed class DurableWaitTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly ScriptedSink sink = new();
    private FunctionsApp? app;

    public Task InitializeAsync() => sink.StartAsync();

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        await sink.DisposeAsync();
    }

    [Fact]
    public async Task RunStartedAheadOfItsDueTime_CompletesInTwoEpisodesWithoutATimer_AndNeverEarly()
    {
        var (settings, driver) = await StartAsync([]);
        var due = AppDriver.In(3);
        var runId = await driver.CreateOnceJobAsync("lone", sink.Url("ok/lone"), due);

        var run = await RunEndedAsync(driver, "lone", runId);
        var instance = await driver.InstanceSettledAsync(runId);
        var (episodes, timers) = await OrchestrationEpisodes.CountAsync(settings, runId);

        output.WriteLine($"started {(due - instance.CreatedAt).TotalMilliseconds:F0} ms before due; {episodes} episodes, {timers} timers");
        Assert.True(instance.CreatedAt < due, $"the orchestration started {(instance.CreatedAt - due).TotalMilliseconds:F0} ms after due: nothing was waited for");
        Assert.Equal((RunStatus.Succeeded, 1), (run.Status, run.AttemptCount));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal((2, 0), (episodes, timers));
        var lateness = Assert.Single(sink.For("ok/lone")).ReceivedUtc - due;
        Assert.True(lateness >= TimeSpan.Zero, $"started {-lateness.TotalMilliseconds:F0} ms before its due time");
    }

    [Fact]
    public async Task RetryAfter200Milliseconds_WaitsInTheNextActivity_NotOnTimers()
    {
        var (settings, driver) = await StartAsync([]);
        var retry = """, "retry": { "maxAttempts": 2, "firstInterval": "00:00:00.200", "coefficient": 1, "maxInterval": "00:00:00.200", "jitter": 0 }""";
        var runId = await driver.CreateOnceJobAsync("short", sink.Url("flaky/1/s"), AppDriver.In(1), retry);

        var run = await RunEndedAsync(driver, "short", runId);
        await driver.InstanceSettledAsync(runId);
        var (episodes, timers) = await OrchestrationEpisodes.CountAsync(settings, runId);

        Assert.Equal((RunStatus.Succeeded, 2), (run.Status, run.AttemptCount));
        Assert.Equal((3, 0), (episodes, timers));
        var attempts = await driver.Runs.ListAttemptsAsync("short", runId, CancellationToken.None);
        var gap = attempts[1].StartedUtc - attempts[0].FinishedUtc;
        Assert.True(gap >= TimeSpan.FromMilliseconds(200), $"the second attempt started {gap.TotalMilliseconds:F0} ms after the first ended");
    }

    [Fact]
    public async Task RetryAfterTwelveSeconds_WaitsOnOneTimer_AndNeverEarly()
    {
        var (settings, driver) = await StartAsync([]);
        var retry = """, "retry": { "maxAttempts": 2, "firstInterval": "00:00:12", "coefficient": 1, "maxInterval": "00:00:12", "jitter": 0 }""";
        var runId = await driver.CreateOnceJobAsync("long", sink.Url("flaky/1/l"), AppDriver.In(1), retry);

        var run = await RunEndedAsync(driver, "long", runId);
        await driver.InstanceSettledAsync(runId);
        var (episodes, timers) = await OrchestrationEpisodes.CountAsync(settings, runId);

        Assert.Equal((RunStatus.Succeeded, 2), (run.Status, run.AttemptCount));
        Assert.Equal((4, 1), (episodes, timers));
        var hits = sink.For("flaky/1/l").OrderBy(h => h.ReceivedUtc).ToList();
        var attempts = await driver.Runs.ListAttemptsAsync("long", runId, CancellationToken.None);
        var gap = hits[1].ReceivedUtc - attempts[0].FinishedUtc;
        Assert.True(gap >= TimeSpan.FromSeconds(12), $"the second attempt reached the sink {gap.TotalMilliseconds:F0} ms after the first ended");
    }

    [Fact]
    public async Task BudgetOfTwo_TenDueAtOnce_AllFinishWithoutATimerSweep()
    {
        // The harness runs no timer (as a 60 s schedule would not, here): every dispatch comes from a job's creation or a freed slot.
        var (_, driver) = await StartAsync([]);
        await driver.PutConfigAsync("""{ "defaultLaneConcurrency": 2 }""");
        var due = AppDriver.In(3);
        var runs = new List<(string Job, string Run)>();
        for (var i = 0; i < 10; i++)
        {
            runs.Add(($"b{i}", await driver.CreateOnceJobAsync($"b{i}", sink.Url($"slow/200/b{i}"), due)));
        }

        var ended = await Eventually.GetAsync(
            () => Task.WhenAll(runs.Select(r => driver.Runs.GetAsync(r.Job, r.Run, CancellationToken.None))),
            rows => rows.All(r => r is { Status: RunStatus.Succeeded }), AppDriver.RunTimeout, TimeSpan.FromMilliseconds(200));

        Assert.All(ended, r => Assert.Equal(RunStatus.Succeeded, r!.Status));
        var last = sink.Hits.Where(h => h.Path.StartsWith("/slow/200/b", StringComparison.Ordinal)).Max(h => h.ReceivedUtc);
        output.WriteLine($"last of 10 started {(last - due).TotalMilliseconds:F0} ms after due");
        Assert.InRange(sink.PeakConcurrency, 1, 2);
        Assert.All(sink.Hits, h => Assert.True(h.ReceivedUtc >= due, $"{h.Path} started before its due time"));
    }

    [Fact]
    public async Task InstanceOfTheEarlierOrchestrator_ReplaysWithTimersOnly_AndFinishes()
    {
        var (settings, driver) = await StartAsync([]);
        var retry = """, "retry": { "maxAttempts": 2, "firstInterval": "00:00:01", "coefficient": 1, "maxInterval": "00:00:01", "jitter": 0 }""";
        // Due beyond the lookahead: the sweep that creating the job kicks leaves it, and the instance starts first.
        var due = AppDriver.In(9);
        var runId = await driver.CreateOnceJobAsync("v1", sink.Url("flaky/1/v1"), due, retry);

        // Started as a deployment before waits moved into the activity started it. The run's own message is removed once the
        // sweep sent it: the harness's sidecar, unlike the host (overridableExistingInstanceStates), lets a start replace a running instance.
        await app!.Client.ScheduleNewOrchestrationInstanceAsync(RunOrchestratorV1.Name, new Core.Workflow.RunStart("v1", runId),
            new Microsoft.DurableTask.StartOrchestrationOptions { InstanceId = runId });
        await Eventually.GetAsync(async () =>
        {
            await driver.SweepAsync();
            return await driver.Runs.GetAsync("v1", runId, CancellationToken.None);
        }, r => r is not null, AppDriver.RunTimeout, TimeSpan.FromMilliseconds(500));
        await app.Services.GetRequiredService<StorageClients>().RunsQueue.ClearMessagesAsync();
        var run = await RunEndedAsync(driver, "v1", runId);
        var instance = await driver.InstanceSettledAsync(runId);
        var (episodes, timers) = await OrchestrationEpisodes.CountAsync(settings, runId);
        output.WriteLine($"earlier orchestrator: {episodes} episodes, {timers} timers for a run with two waits");

        Assert.Equal((RunStatus.Succeeded, 2), (run.Status, run.AttemptCount));
        Assert.Equal((RunOrchestratorV1.Name, OrchestrationRuntimeStatus.Completed), (instance.Name, instance.RuntimeStatus));
        Assert.True(timers >= 2, $"{timers} timers: the earlier orchestrator waits on timers only");
        Assert.True(sink.For("flaky/1/v1").Min(h => h.ReceivedUtc) >= due, "started before its due time");
    }

    private async Task<(FunctionsAppSettings Settings, AppDriver Driver)> StartAsync(Dictionary<string, string?> overrides)
    {
        var settings = new FunctionsAppSettings(DurableBackend.AzureStorage, azurite.NewOptions(), "hub" + Guid.NewGuid().ToString("N")[..10]) { Overrides = overrides };
        app = await FunctionsApp.StartAsync(settings, new TestOutputLoggerProvider(output));
        return (settings, new AppDriver(app));
    }

    /// <summary>Waits for the run's end without sweeping: the sweep that creating the job kicked dispatched it. The run row is
    /// settled by the last activity, before the orchestration's last episode: count episodes once the instance has settled.</summary>
    private static async Task<Run> RunEndedAsync(AppDriver driver, string jobId, string runId) =>
        (await Eventually.GetAsync(() => driver.Runs.GetAsync(jobId, runId, CancellationToken.None),
            r => r is not null && r.Status.IsTerminal(), AppDriver.RunTimeout, TimeSpan.FromMilliseconds(100)))!;
}
