using Scheduler.Core.Config;
using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Services;
using Scheduler.Core.Tests.Support;
using Scheduler.Core.Workflow;

namespace Scheduler.Core.Tests.Workflow;

/// <summary>A run that is canceled, whose worker crashed mid-attempt, or that finds no free slot for its retry.</summary>
public sealed class RunRecoveryTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly AttemptResult Retryable = AttemptResult.Failure("503 Service Unavailable", retryable: true);

    [Fact]
    public async Task Process_CanceledWhileQueued_EndsCanceledWithoutExecuting()
    {
        var h = new EngineHarness();
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)));

        var canceled = await h.Canceller.CancelAsync("job", runId, None);
        var result = await h.ProcessAsync(runId);

        Assert.Equal(ServiceStatus.Ok, canceled.Status);
        Assert.Empty(h.Slots.Taken("default"));
        Assert.Equal(RunStatus.Canceled, result.Outcome?.Status);
        Assert.Equal(RunStatus.Canceled, h.Runs.Get(runId).Status);
        Assert.Equal(0, h.Executor.CallCount);
    }

    [Fact]
    public async Task AttemptStep_CancelRequestedBeforeTheAttempt_EndsTheRunCanceledItselfAndFreesItsSlot()
    {
        var h = new EngineHarness();
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)));
        var queued = h.Runs.Get(runId);
        Assert.Single(h.Slots.Taken("default"));
        Assert.True((await h.Runs.ReplaceAsync(queued with { CancelRequested = true }, None)).Done);

        var result = await h.AttemptStep.ExecuteAsync(new AttemptRequest("job", runId, 1), null, SlotTenure.Queued, None);

        // The step's own write ends the run: the workflow gets the status as stored, with nothing left to write.
        Assert.Equal(AttemptOutcome.Ended(RunStatus.Canceled, 0), result.Outcome);
        var stored = h.Runs.Get(runId);
        Assert.Equal(RunStatus.Canceled, stored.Status);
        Assert.Equal(T, stored.FinishedUtc);
        Assert.Equal(stored.ETag, result.Run?.ETag);
        Assert.Empty(h.Slots.Taken("default"));
        Assert.Equal(0, h.Executor.CallCount);
        Assert.Empty(h.Runs.AttemptsOf(runId));
    }

    [Fact]
    public async Task Process_CancelRequestedDuringAttempt_AttemptFinishesAndNoRetryFollows()
    {
        var h = new EngineHarness();
        h.Executor.Returns(Retryable, Retryable, Retryable);
        h.Executor.Block();
        var retry = TestJobs.ExactRetry(3) with { FirstInterval = TimeSpan.Zero };
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Retry = retry });

        var processing = Task.Run(() => h.ProcessAsync(runId));
        Assert.NotSame(processing, await Task.WhenAny(h.Executor.Started, processing));
        var cancel = await h.Canceller.CancelAsync("job", runId, None);
        Assert.Equal(RunStatus.Running, cancel.Value?.Status);
        h.Executor.Release();
        var result = await processing;

        Assert.Equal(new RunOutcome(RunStatus.Canceled, 1), result.Outcome);
        Assert.Equal(1, h.Executor.CallCount);
        var run = h.Runs.Get(runId);
        Assert.Equal(RunStatus.Canceled, run.Status);
        Assert.True(run.CancelRequested);
        Assert.Single(h.Runs.AttemptsOf(runId));
        Assert.Empty(h.Slots.Taken("default"));
    }

    [Fact]
    public async Task Process_CancelRequestedDuringAttempt_InterruptsAttemptAtNextPollAndRecordsCanceled()
    {
        var h = new EngineHarness();
        h.Executor.Block();
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Timeout = TimeSpan.FromMinutes(5), Retry = TestJobs.ExactRetry(3) });

        var processing = Task.Run(() => h.ProcessAsync(runId));
        Assert.NotSame(processing, await Task.WhenAny(h.Executor.Started, processing));
        await h.Time.TimerStarted(h.RunOptions.CancelPollInterval);
        await h.Canceller.CancelAsync("job", runId, None);
        h.Time.Advance(h.RunOptions.CancelPollInterval);
        // Released only if the attempt was not interrupted, so that a failure ends the test instead of hanging it.
        var result = await processing.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(t => { h.Executor.Release(); return t; }).Unwrap();

        Assert.Equal(new RunOutcome(RunStatus.Canceled, 1), result.Outcome);
        var attempt = Assert.Single(h.Runs.AttemptsOf(runId));
        Assert.Equal(AttemptStatus.Canceled, attempt.Result.Status);
        Assert.Equal(T + h.RunOptions.CancelPollInterval, attempt.FinishedUtc);
        var run = h.Runs.Get(runId);
        Assert.Equal(RunStatus.Canceled, run.Status);
        Assert.Equal(T + h.RunOptions.CancelPollInterval, run.FinishedUtc);
        Assert.Empty(h.Slots.Taken("default"));
        Assert.Equal(1, h.Executor.CallCount);
    }

    [Fact]
    public async Task Process_AfterCrashMidAttempt_DefersUntilPresumedDeadThenReExecutesSameAttempt()
    {
        var h = new EngineHarness();
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Timeout = TimeSpan.FromSeconds(30) });
        await h.MarkInFlightAsync(runId, attempt: 1, since: T);
        h.Time.Advance(TimeSpan.FromSeconds(10));

        var deferred = await h.ProcessAsync(runId);

        Assert.Equal(T + TimeSpan.FromSeconds(30) + h.RunOptions.InFlightGrace, deferred.ResumeAtUtc);
        Assert.Equal(0, h.Executor.CallCount);

        h.Time.SetUtcNow(deferred.ResumeAtUtc!.Value);
        var result = await h.ProcessAsync(runId);

        Assert.Equal(new RunOutcome(RunStatus.Succeeded, 1), result.Outcome);
        Assert.Equal([1], h.Executor.Calls.Select(c => c.Attempt));
        Assert.Equal([1], h.Runs.AttemptsOf(runId).Select(a => a.Number));
        Assert.Empty(h.Slots.Taken("default"));
    }

    [Fact]
    public async Task Process_AfterCrashInSecondAttempt_NeverRepeatsTheRecordedFirst()
    {
        var h = new EngineHarness();
        h.Executor.Returns(Retryable, AttemptResult.Success());
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Retry = TestJobs.ExactRetry(3) });
        var first = await h.ProcessAsync(runId);
        h.Time.SetUtcNow(first.ResumeAtUtc!.Value);
        await h.MarkInFlightAsync(runId, attempt: 2, since: h.Now);

        var deferred = await h.ProcessAsync(runId);

        Assert.Equal(T.AddSeconds(1) + TimeSpan.FromSeconds(30) + h.RunOptions.InFlightGrace, deferred.ResumeAtUtc);
        Assert.Equal([1], h.Executor.Calls.Select(c => c.Attempt));

        h.Time.SetUtcNow(deferred.ResumeAtUtc!.Value);
        var result = await h.ProcessAsync(runId);

        Assert.Equal(new RunOutcome(RunStatus.Succeeded, 2), result.Outcome);
        Assert.Equal([1, 2], h.Executor.Calls.Select(c => c.Attempt));
        Assert.Equal([1, 2], h.Runs.AttemptsOf(runId).Select(a => a.Number));
    }

    [Fact]
    public async Task Process_NoFreeSlotForRetry_DefersWithoutConsumingTheAttempt()
    {
        var h = new EngineHarness();
        await h.SetConfigAsync(new SchedulerConfig { DefaultLaneConcurrency = 1 });
        h.Executor.Returns(Retryable, AttemptResult.Success());
        await h.CreateAsync(TestJobs.Http("a", TestJobs.Once(T)) with { Retry = TestJobs.ExactRetry(3) });
        await h.CreateAsync(TestJobs.Http("b", TestJobs.Once(T.AddSeconds(1))));
        await h.SweepAsync();
        var runA = EngineHarness.RunIdOf("a", T);
        var first = await h.ProcessAsync(runA);
        await h.SweepAsync();
        var runB = EngineHarness.RunIdOf("b", T.AddSeconds(1));
        Assert.Equal(runB, Assert.Single(h.Slots.Taken("default")).RunId);
        h.Time.SetUtcNow(first.ResumeAtUtc!.Value);

        var step = await h.AttemptStep.ExecuteAsync(new AttemptRequest("a", runA, 2), None);
        var deferred = await h.ProcessAsync(runA);

        Assert.Equal(AttemptOutcome.Deferred(h.RunOptions.SlotWait), step);
        Assert.Equal(h.Now + h.RunOptions.SlotWait, deferred.ResumeAtUtc);
        var waiting = h.Runs.Get(runA);
        Assert.Equal((RunStatus.Retrying, 1, (int?)null), (waiting.Status, waiting.AttemptCount, waiting.InFlightAttempt));
        Assert.Equal(1, h.Executor.Calls.Count(c => c.RunId == runA));

        await h.Canceller.CancelAsync("b", runB, None);
        h.Time.SetUtcNow(deferred.ResumeAtUtc!.Value);
        var result = await h.ProcessAsync(runA);

        Assert.Equal(new RunOutcome(RunStatus.Succeeded, 2), result.Outcome);
        Assert.Equal([1, 2], h.Executor.Calls.Where(c => c.RunId == runA).Select(c => c.Attempt));
    }
}
