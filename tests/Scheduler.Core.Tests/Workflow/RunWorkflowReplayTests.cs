using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Tests.Support;
using Scheduler.Core.Workflow;
using static Scheduler.Core.Tests.Workflow.ContextCalls;

namespace Scheduler.Core.Tests.Workflow;

/// <summary>The call sequence the Durable orchestrator makes: identical on every replay of the same history.</summary>
public sealed class RunWorkflowReplayTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private static readonly RunRef Run = new("job", RunIds.For("job", T.AddSeconds(10)));
    private static readonly AttemptOutcome Retryable = new(AttemptOutcomeKind.Failed, Retryable: true, Error: "503");

    [Fact]
    public async Task RunAsync_FailFailSucceed_MakesTheExpectedCallSequence()
    {
        var context = new RecordingRunContext(Plan(T.AddSeconds(10), TestJobs.ExactRetry(5)), T, Retryable, Retryable, AttemptOutcome.Succeeded());

        var outcome = await RunWorkflow.RunAsync(context, Run);

        Assert.Equal(new RunOutcome(RunStatus.Succeeded, 3), outcome);
        Assert.Equal(
            [Begin, Delay(TimeSpan.FromSeconds(10)), Attempt(1), Delay(TimeSpan.FromSeconds(1)), Attempt(2), Delay(TimeSpan.FromSeconds(2)), Attempt(3), Finalized(RunStatus.Succeeded, 3)],
            context.Calls);
    }

    [Fact]
    public async Task RunAsync_SameHistoryTwice_MakesTheSameCallsWithJitteredDelays()
    {
        var plan = Plan(T.AddSeconds(10), RetryPolicy.Default with { MaxAttempts = 4, Jitter = 0.5 });
        var first = new RecordingRunContext(plan, T, Retryable, Retryable, AttemptOutcome.Succeeded());
        var replay = new RecordingRunContext(plan, T, Retryable, Retryable, AttemptOutcome.Succeeded());

        await RunWorkflow.RunAsync(first, Run);
        await RunWorkflow.RunAsync(replay, Run);

        Assert.Equal(first.Calls, replay.Calls);
        Assert.Equal([Begin, Delay(TimeSpan.FromSeconds(10)), Attempt(1)], first.Calls.Take(3));
        Assert.Equal(Delay(RetryBackoff.DelayAfter(plan.Retry, Run.RunId, 1)), first.Calls[3]);
        Assert.Equal(Delay(RetryBackoff.DelayAfter(plan.Retry, Run.RunId, 2)), first.Calls[5]);
        Assert.Equal(Finalized(RunStatus.Succeeded, 3), first.Calls[^1]);
    }

    [Fact]
    public async Task RunAsync_AlreadyDue_StartsWithoutDelay()
    {
        var context = new RecordingRunContext(Plan(T, RetryPolicy.None), T.AddSeconds(3), AttemptOutcome.Succeeded());

        await RunWorkflow.RunAsync(context, Run);

        Assert.Equal([Begin, Attempt(1), Finalized(RunStatus.Succeeded, 1)], context.Calls);
    }

    [Fact]
    public async Task RunAsync_Deferred_WaitsAndAsksForTheSameAttemptAgain()
    {
        var context = new RecordingRunContext(Plan(T, TestJobs.ExactRetry(3)), T, AttemptOutcome.Deferred(TimeSpan.FromSeconds(5)), AttemptOutcome.Succeeded());

        await RunWorkflow.RunAsync(context, Run);

        Assert.Equal([Begin, Attempt(1), Delay(TimeSpan.FromSeconds(5)), Attempt(1), Finalized(RunStatus.Succeeded, 1)], context.Calls);
    }

    [Fact]
    public async Task RunAsync_NonRetryableFailure_FinalizesFailedAfterOneAttempt()
    {
        var context = new RecordingRunContext(Plan(T, TestJobs.ExactRetry(5)), T, new AttemptOutcome(AttemptOutcomeKind.Failed, Retryable: false, Error: "400"));

        var outcome = await RunWorkflow.RunAsync(context, Run);

        Assert.Equal(new RunOutcome(RunStatus.Failed, 1), outcome);
        Assert.Equal([Begin, Attempt(1), Finalized(RunStatus.Failed, 1)], context.Calls);
    }

    [Fact]
    public async Task RunAsync_RetryableUntilLastAttempt_FinalizesFailed()
    {
        var context = new RecordingRunContext(Plan(T, TestJobs.ExactRetry(2)), T, Retryable, Retryable);

        await RunWorkflow.RunAsync(context, Run);

        Assert.Equal([Begin, Attempt(1), Delay(TimeSpan.FromSeconds(1)), Attempt(2), Finalized(RunStatus.Failed, 2)], context.Calls);
    }

    [Fact]
    public async Task RunAsync_RetryAfter_DelaysByIt()
    {
        var throttled = new AttemptOutcome(AttemptOutcomeKind.Failed, Retryable: true, RetryAfter: TimeSpan.FromMinutes(2));
        var context = new RecordingRunContext(Plan(T, TestJobs.ExactRetry(2)), T, throttled, AttemptOutcome.Succeeded());

        await RunWorkflow.RunAsync(context, Run);

        Assert.Equal(Delay(TimeSpan.FromMinutes(2)), context.Calls[2]);
    }

    [Fact]
    public async Task RunAsync_CanceledBeforeSecondAttempt_FinalizesCanceledWithAttemptsMade()
    {
        var context = new RecordingRunContext(Plan(T, TestJobs.ExactRetry(3)), T, Retryable, AttemptOutcome.Canceled());

        var outcome = await RunWorkflow.RunAsync(context, Run);

        Assert.Equal(new RunOutcome(RunStatus.Canceled, 1), outcome);
        Assert.Equal([Begin, Attempt(1), Delay(TimeSpan.FromSeconds(1)), Attempt(2), Finalized(RunStatus.Canceled, 1)], context.Calls);
    }

    [Fact]
    public async Task RunAsync_RunGoneOrFinished_OnlyBegins()
    {
        var gone = new RecordingRunContext(new RunPlan(false, RunStatus.Canceled, default, RetryPolicy.None, 0), T);
        var finished = new RecordingRunContext(new RunPlan(true, RunStatus.Succeeded, T, RetryPolicy.None, 1), T);

        await RunWorkflow.RunAsync(gone, Run);
        var outcome = await RunWorkflow.RunAsync(finished, Run);

        Assert.Equal([Begin], gone.Calls);
        Assert.Equal([Begin], finished.Calls);
        Assert.Equal(new RunOutcome(RunStatus.Succeeded, 1), outcome);
    }

    private static RunPlan Plan(DateTimeOffset due, RetryPolicy retry) => new(true, RunStatus.Queued, due, retry, 0);
}
