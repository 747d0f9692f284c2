using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Scheduler.Core.Runs;
using Scheduler.Core.Workflow;
using Scheduler.Functions.Durable;
using Scheduler.Functions.Triggers;
using Scheduler.Testing;
using Xunit.Abstractions;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>The app's orchestration on Durable's in-process backend (real worker, real replay, in-memory history): the
/// cases that need an orchestration driven by hand.</summary>
[Collection("azurite")]
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.DisposeAsync.
public sealed class InProcessOrchestrationTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly ScriptedSink sink = new();
    private FunctionsApp app = null!;
    private AppDriver driver = null!;

    public async Task InitializeAsync()
    {
        await sink.StartAsync();
        app = await FunctionsApp.StartAsync(new FunctionsAppSettings(DurableBackend.InMemory, azurite.NewOptions(), "inproc"), new TestOutputLoggerProvider(output));
        driver = new AppDriver(app);
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await sink.DisposeAsync();
    }

    [Fact]
    public async Task MessageDeliveredBeforeTheDueTime_TheRunStartsAtItsDueTimeNotBefore()
    {
        var due = AppDriver.In(4);
        var runId = await driver.CreateOnceJobAsync("early", sink.Url("ok/early"), due);
        await Eventually.GetAsync(() => driver.Runs.GetAsync("early", runId, CancellationToken.None), r => r is not null, AppDriver.RunTimeout);

        // What a queue message made visible ahead of time does (its delay is whole seconds): the trigger starts the orchestration now.
        await app.Function<RunQueueTrigger>().Run($$"""{"jobId":"early","runId":"{{runId}}"}""", app.Client, app.Context(nameof(RunQueueTrigger)));
        var run = await driver.FinishedAsync("early", runId);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var started = Assert.Single(sink.For("ok/early")).ReceivedUtc;
        Assert.True(started >= due, $"started {(due - started).TotalMilliseconds:F0} ms before its due time");
        Assert.True(run.LatenessMs >= 0);
    }

    [Fact]
    public async Task RunWaitingForASlotWhilePaused_ContinuesAsNewAtTheSameAttempt_AndFinishesAfterResume()
    {
        var retry = """, "retry": { "maxAttempts": 3, "firstInterval": "00:01:00", "coefficient": 1, "maxInterval": "00:01:00", "jitter": 0 }""";
        var runId = await driver.CreateOnceJobAsync("paused", sink.Url("flaky/1/p"), AppDriver.In(1), retry);
        await Eventually.GetAsync(() => driver.Runs.GetAsync("paused", runId, CancellationToken.None), r => r?.AttemptCount == 1, AppDriver.RunTimeout);
        await driver.PutConfigAsync("""{ "pauseAll": true }""");

        // A second instance for the same run, as if it had waited for a slot one deferral short of continuing as new.
        var instance = await app.Client.ScheduleNewOrchestrationInstanceAsync(RunOrchestrator.Name,
            new RunStart("paused", runId, Attempt: 2, Deferrals: RunWorkflow.DeferralsPerHistory - 1));
        var continued = await Eventually.GetAsync(() => app.Client.GetInstanceAsync(instance, getInputsAndOutputs: true),
            i => i?.SerializedInput is { } input && input.Contains($"\"Deferrals\":{RunWorkflow.DeferralsPerHistory}", StringComparison.Ordinal), AppDriver.RunTimeout);
        await driver.PutConfigAsync("""{ "pauseAll": false }""");
        var finished = await Eventually.GetAsync(() => app.Client.GetInstanceAsync(instance, getInputsAndOutputs: true),
            i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Completed, AppDriver.RunTimeout);

        Assert.Equal(2, JsonSerializer.Deserialize<RunStart>(continued!.SerializedInput!, JsonSerializerOptions.Web)!.Attempt);
        Assert.Equal(new RunOutcome(RunStatus.Succeeded, 2), finished!.ReadOutputAs<RunOutcome>());
        Assert.Equal(["1", "2"], sink.For("flaky/1/p").Select(h => h.Attempt));
    }

    [Fact]
    public async Task FailingTwiceThenSucceeding_ReplaysToTheSameOutcome()
    {
        var retry = """, "retry": { "maxAttempts": 3, "firstInterval": "00:00:01", "coefficient": 1, "maxInterval": "00:00:01", "jitter": 0 }""";
        var runId = await driver.CreateOnceJobAsync("replay", sink.Url("flaky/2/r"), AppDriver.In(1), retry);

        var run = await driver.FinishedAsync("replay", runId);
        var instance = await driver.InstanceSettledAsync(runId);

        Assert.Equal((RunStatus.Succeeded, 3), (run.Status, run.AttemptCount));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal(new RunOutcome(RunStatus.Succeeded, 3), instance.ReadOutputAs<RunOutcome>());
    }

    [Fact]
    public async Task FailedRunWithNotifyOnFailed_TheActivityDeliversTheNotificationOnce()
    {
        var extra = $$""", "retry": { "maxAttempts": 1 }, "notify": [ { "on": "Failed", "url": "{{sink.Url("notify/durable")}}" } ]""";
        var runId = await driver.CreateOnceJobAsync("notified", sink.Url("fail/notified"), AppDriver.In(1), extra);

        var run = await driver.FinishedAsync("notified", runId);
        var settled = await Eventually.GetAsync(() => driver.Runs.GetAsync("notified", runId, CancellationToken.None), r => r?.FollowUpsPending == false, AppDriver.RunTimeout);

        Assert.Equal((RunStatus.Failed, RunStatus.Failed), (run.Status, settled!.Status));
        var hit = Assert.Single(sink.For("notify/durable"));
        Assert.Equal($"{runId}/1", hit.Headers.GetValueOrDefault("Scheduler-Notification-Id"));
        Assert.Contains("\"status\":\"Failed\"", hit.Body, StringComparison.Ordinal);
    }
}
