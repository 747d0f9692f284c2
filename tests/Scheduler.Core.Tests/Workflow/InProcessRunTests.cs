using Scheduler.Core.Config;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Tests.Support;
using Scheduler.Core.Workflow;
using Scheduler.InProcess;

namespace Scheduler.Core.Tests.Workflow;

/// <summary>Runs launched in process by the sweep that dispatched them: no queue message unless they need one, and never
/// without a way back after a crash (the slot lease, then the resume message sent before the slot is given back).</summary>
public sealed class InProcessRunTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Sweep_HostLaunchesInProcess_SendsNoMessageAndRunSucceedsWaitingUntilDue()
    {
        var h = new EngineHarness();
        h.Launcher.InProcess = true;
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(5))));

        await h.SweepAsync();

        Assert.Empty(h.Sender.Sent);
        var launched = Assert.Single(h.Launcher.Launched);
        Assert.NotNull(launched.ETag);
        Assert.Equal(RunStatus.Queued, launched.Status);
        var running = h.Workflow.RunLaunchedAsync(launched, None);
        await h.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(5), running);
        var outcome = await running;
        Assert.Equal(RunStatus.Succeeded, outcome.Outcome?.Status);
        Assert.Equal(T.AddSeconds(5), Assert.Single(h.Executor.Calls).AtUtc);
        Assert.Empty(h.Slots.Taken("default"));
        Assert.Empty(h.Sender.Sent);
    }

    [Fact]
    public async Task Sweep_LaunchedRunDueAlready_IsStoredRunningAndStartsWithoutAnotherWrite()
    {
        // As on the Server: the process renews the slots of the runs it launches.
        var h = new EngineHarness(run: o => o.SlotLease = TimeSpan.FromSeconds(10));
        h.Launcher.InProcess = true;
        h.Executor.Block();
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Once(T)));
        h.Time.Advance(TimeSpan.FromMilliseconds(250));

        await h.SweepAsync();

        var launched = Assert.Single(h.Launcher.Launched);
        Assert.Equal(RunStatus.Running, launched.Status);
        Assert.Equal(1, launched.InFlightAttempt);
        Assert.Equal(250, launched.LatenessMs);
        var running = h.Workflow.RunLaunchedAsync(launched, None);
        await h.Executor.Started;
        var stored = h.Runs.Get(launched.RunId);
        Assert.Equal(launched.ETag, stored.ETag);
        Assert.Equal(RunStatus.Running, stored.Status);
        h.Executor.Release();
        Assert.Equal(RunStatus.Succeeded, (await running).Outcome?.Status);
        Assert.Equal(T.AddMilliseconds(250), Assert.Single(h.Executor.Calls).AtUtc);
        Assert.Empty(h.Slots.Taken("default"));
    }

    [Fact]
    public async Task LaunchedRun_RetryableFailure_HandsTheRetryToTheQueueWithItsBackoff()
    {
        var h = new EngineHarness();
        h.Launcher.InProcess = true;
        h.Executor.Returns(AttemptResult.Failure("boom", retryable: true), AttemptResult.Success());
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Retry = TestJobs.ExactRetry(3) });
        await h.SweepAsync();
        var launched = Assert.Single(h.Launcher.Launched);

        var outcome = await h.Workflow.RunLaunchedAsync(launched, None);

        Assert.True(outcome.Suspended);
        var resume = Assert.Single(h.Sender.Sent);
        Assert.Equal(TimeSpan.FromSeconds(1), resume.VisibilityDelay);
        Assert.Equal(RunStatus.Retrying, h.Runs.Get(launched.RunId).Status);
        Assert.Empty(h.Slots.Taken("default"));
        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(RunStatus.Succeeded, (await h.ProcessAsync(launched.RunId)).Outcome?.Status);
    }

    [Fact]
    public async Task Sweep_LaunchedRunLostWithItsProcess_IsReenqueuedWhenItsSlotLeaseEnds()
    {
        var h = new EngineHarness();
        h.Launcher.InProcess = true;
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Once(T)));
        await h.SweepAsync();
        var lost = Assert.Single(h.Launcher.Launched);
        h.Launcher.InProcess = false;
        h.Time.Advance(TimeSpan.FromSeconds(30) + h.SweepOptions.LeaseGrace + TimeSpan.FromSeconds(1));

        await h.SweepAsync();

        Assert.Equal(TimeSpan.Zero, Assert.Single(h.Sender.Sent, s => s.Message.RunId == lost.RunId).VisibilityDelay);
        Assert.Equal(RunStatus.Succeeded, (await h.ProcessAsync(lost.RunId)).Outcome?.Status);
    }

    [Fact]
    public async Task Sweep_LaunchedRunStoppedBetweenAttemptWriteAndResumeMessage_IsReenqueued()
    {
        var h = new EngineHarness();
        await h.SetConfigAsync(new SchedulerConfig { DefaultLaneConcurrency = 1 });
        h.Launcher.InProcess = true;
        h.Executor.Returns(AttemptResult.Failure("boom", retryable: true), AttemptResult.Success());
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Retry = TestJobs.ExactRetry(3) });
        await h.SweepAsync();
        var launched = Assert.Single(h.Launcher.Launched);
        var failingQueue = new InProcessWorkflow(h.AttemptStep, h.RunSlots, h.Runs, new UnreachableQueue(), h.Time, h.RunOptions);

        await Assert.ThrowsAsync<TimeoutException>(() => failingQueue.RunLaunchedAsync(launched, None));

        // The attempt is recorded (Retrying) and the slot, not given back, still names the run: its lease is the way back.
        Assert.Equal(RunStatus.Retrying, h.Runs.Get(launched.RunId).Status);
        Assert.Equal(launched.RunId, Assert.Single(h.Slots.Taken("default")).RunId);
        h.Time.Advance(TimeSpan.FromSeconds(30) + h.SweepOptions.LeaseGrace + TimeSpan.FromSeconds(1));
        await h.SweepAsync();
        Assert.Single(h.Sender.Sent, s => s.Message.RunId == launched.RunId);
        Assert.Empty(h.Slots.Taken("default"));
        Assert.Equal(RunStatus.Succeeded, (await h.ProcessAsync(launched.RunId)).Outcome?.Status);
    }

    private sealed class UnreachableQueue : IRunSender
    {
        public Task SendAsync(RunMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken) => throw new TimeoutException("queue unreachable");
    }
}
