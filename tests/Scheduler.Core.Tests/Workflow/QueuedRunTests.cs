using Scheduler.Core.Config;
using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Services;
using Scheduler.Core.Tests.Support;
using Scheduler.Core.Workflow;

namespace Scheduler.Core.Tests.Workflow;

/// <summary>A run from its queue message to its terminal status: attempts, backoff, timeouts.</summary>
public sealed class QueuedRunTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly AttemptResult Retryable = AttemptResult.Failure("503 Service Unavailable", retryable: true);

    [Fact]
    public async Task Process_SuccessOnFirstAttempt_SucceedsWithOneAttemptAndReleasesSlot()
    {
        var h = new EngineHarness();
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)));
        Assert.Single(h.Slots.Taken("default"));

        var result = await h.ProcessAsync(runId);

        Assert.False(result.Suspended);
        Assert.Equal(new RunOutcome(RunStatus.Succeeded, 1), result.Outcome);
        var run = h.Runs.Get(runId);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.AttemptCount);
        Assert.Null(run.Slot);
        Assert.Null(run.InFlightAttempt);
        Assert.Equal(0, run.LatenessMs);
        Assert.Equal(T, run.FinishedUtc);
        Assert.Single(h.Runs.AttemptsOf(runId));
        Assert.Empty(h.Slots.Taken("default"));
        Assert.Equal(1, h.Executor.CallCount);
    }

    [Fact]
    public async Task Process_KindDisabledAfterDispatch_FailsAtOnceWithTheRegistrysReasonAndDoesNotRetry()
    {
        var h = new EngineHarness();
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Retry = TestJobs.ExactRetry(5) });
        h.Targets.Disable(Core.Targets.TargetKinds.Http);

        var result = await h.ProcessAsync(runId);

        Assert.Equal(new RunOutcome(RunStatus.Failed, 1), result.Outcome);
        var run = h.Runs.Get(runId);
        Assert.Equal("'http' is not enabled in this test", run.LastError);
        Assert.Single(h.Runs.AttemptsOf(runId));
        Assert.Equal(0, h.Executor.CallCount);
        Assert.Empty(h.Slots.Taken("default"));
    }

    [Fact]
    public async Task Process_FailTwiceThenSucceed_SuspendsForEachBackoffAndNeverRepeatsAnAttempt()
    {
        var h = new EngineHarness();
        h.Executor.Returns(Retryable, Retryable, AttemptResult.Success());
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Retry = TestJobs.ExactRetry(5) });

        var first = await h.ProcessAsync(runId);

        var attempt1 = Assert.Single(h.Runs.AttemptsOf(runId));
        Assert.Equal(attempt1.FinishedUtc + TimeSpan.FromSeconds(1), first.ResumeAtUtc);
        Assert.Equal(RunStatus.Retrying, h.Runs.Get(runId).Status);
        Assert.Empty(h.Slots.Taken("default"));

        var early = await h.ProcessAsync(runId);
        Assert.Equal(first.ResumeAtUtc, early.ResumeAtUtc);
        Assert.Equal(1, h.Executor.CallCount);

        h.Time.SetUtcNow(first.ResumeAtUtc!.Value);
        var second = await h.ProcessAsync(runId);

        Assert.Equal(h.Runs.AttemptsOf(runId)[1].FinishedUtc + TimeSpan.FromSeconds(2), second.ResumeAtUtc);
        h.Time.SetUtcNow(second.ResumeAtUtc!.Value);
        var third = await h.ProcessAsync(runId);

        Assert.Equal(new RunOutcome(RunStatus.Succeeded, 3), third.Outcome);
        Assert.Equal([1, 2, 3], h.Executor.Calls.Select(c => c.Attempt));
        Assert.Equal([T, T.AddSeconds(1), T.AddSeconds(3)], h.Executor.Calls.Select(c => c.AtUtc));
        Assert.Equal([1, 2, 3], h.Runs.AttemptsOf(runId).Select(a => a.Number));
        Assert.Equal(3, h.Runs.Get(runId).AttemptCount);
        Assert.Empty(h.Slots.Taken("default"));
    }

    [Fact]
    public async Task Process_InlineDelays_WaitExactlyTheBackoffOnTheClock()
    {
        var h = new EngineHarness(run: o => o.InlineDelayMax = TimeSpan.FromHours(1));
        h.Executor.Returns(Retryable, Retryable, AttemptResult.Success());
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Retry = TestJobs.ExactRetry(5) });

        var processing = Task.Run(() => h.ProcessAsync(runId));
        await h.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1), processing);
        await h.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(2), processing);
        var result = await processing;

        Assert.Equal(new RunOutcome(RunStatus.Succeeded, 3), result.Outcome);
        Assert.Equal([T, T.AddSeconds(1), T.AddSeconds(3)], h.Executor.Calls.Select(c => c.AtUtc));
    }

    [Fact]
    public async Task Process_RetryAfterLongerThanBackoff_ResumesAfterRetryAfter()
    {
        var h = new EngineHarness();
        h.Executor.Returns(Retryable with { StatusCode = 429, RetryAfter = TimeSpan.FromSeconds(30) });
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Retry = TestJobs.ExactRetry(3) });

        var result = await h.ProcessAsync(runId);

        Assert.Equal(T.AddSeconds(30), result.ResumeAtUtc);
    }

    [Fact]
    public async Task Process_NonRetryableFailure_FailsAfterOneAttempt()
    {
        var h = new EngineHarness();
        h.Executor.Returns(AttemptResult.Failure("404 Not Found", retryable: false));
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Retry = TestJobs.ExactRetry(5) });

        var result = await h.ProcessAsync(runId);

        Assert.Equal(new RunOutcome(RunStatus.Failed, 1), result.Outcome);
        Assert.Equal("404 Not Found", h.Runs.Get(runId).LastError);
        Assert.Equal(1, h.Executor.CallCount);
        Assert.Empty(h.Slots.Taken("default"));
    }

    [Fact]
    public async Task Process_RetryableFailureOnLastAttempt_Fails()
    {
        var h = new EngineHarness();
        h.Executor.Returns(Retryable, Retryable);
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Retry = TestJobs.ExactRetry(2) with { FirstInterval = TimeSpan.Zero } });

        var result = await h.ProcessAsync(runId);

        Assert.Equal(new RunOutcome(RunStatus.Failed, 2), result.Outcome);
        Assert.Equal(2, h.Executor.CallCount);
    }

    [Fact]
    public async Task Process_ExecutorReportsTimeout_RecordsTimedOutAttemptAndRetries()
    {
        var h = new EngineHarness();
        h.Executor.Block();
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Timeout = TimeSpan.FromMinutes(5), Retry = TestJobs.ExactRetry(2) });

        var processing = Task.Run(() => h.ProcessAsync(runId));
        Assert.NotSame(processing, await Task.WhenAny(h.Executor.Started, processing));
        h.Time.Advance(TimeSpan.FromMinutes(5));
        var result = await processing;

        var attempt = Assert.Single(h.Runs.AttemptsOf(runId));
        Assert.Equal(AttemptStatus.TimedOut, attempt.Result.Status);
        Assert.Equal(TimeSpan.FromMinutes(5), attempt.Duration);
        Assert.Equal(RunStatus.Retrying, h.Runs.Get(runId).Status);
        Assert.Equal(attempt.FinishedUtc + TimeSpan.FromSeconds(1), result.ResumeAtUtc);
        Assert.Empty(h.Slots.Taken("default"));
    }

    [Fact]
    public async Task Process_ExecutorIgnoresTimeout_BackstopCancelsOnTheInjectedClock()
    {
        var h = new EngineHarness();
        h.Executor.EnforcesTimeout = false;
        h.Executor.Block();
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Timeout = TimeSpan.FromMinutes(5), Retry = RetryPolicy.None });

        var processing = Task.Run(() => h.ProcessAsync(runId));
        Assert.NotSame(processing, await Task.WhenAny(h.Executor.Started, processing));
        h.Time.Advance(TimeSpan.FromMinutes(6));
        var abandoned = h.Executor.LastToken.IsCancellationRequested;
        h.Executor.Release(); // lets the attempt end if the backstop did not fire, so the test fails instead of hanging
        var result = await processing;

        Assert.True(abandoned, "the attempt's token was not cancelled a minute past its timeout on the injected clock");
        Assert.Equal(AttemptStatus.TimedOut, Assert.Single(h.Runs.AttemptsOf(runId)).Result.Status);
        Assert.Equal(new RunOutcome(RunStatus.Failed, 1), result.Outcome);
    }

    [Fact]
    public async Task Process_MessageBeforeDue_SuspendsUntilDue()
    {
        var h = new EngineHarness();
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(5))));

        var early = await h.ProcessAsync(runId);
        h.Time.SetUtcNow(T.AddSeconds(5));
        var onTime = await h.ProcessAsync(runId);

        Assert.Equal(T.AddSeconds(5), early.ResumeAtUtc);
        Assert.Equal(RunStatus.Succeeded, onTime.Outcome?.Status);
        Assert.Equal(T.AddSeconds(5), Assert.Single(h.Executor.Calls).AtUtc);
    }

    [Fact]
    public async Task Process_FinishedRunRedelivered_ReturnsItsOutcomeWithoutExecuting()
    {
        var h = new EngineHarness();
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)));
        await h.ProcessAsync(runId);

        var again = await h.ProcessAsync(runId);

        Assert.Equal(new RunOutcome(RunStatus.Succeeded, 1), again.Outcome);
        Assert.Equal(1, h.Executor.CallCount);
    }
}
