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
    private static readonly RunStart Run = new("job", RunIds.For("job", T));
    private static readonly AttemptOutcome RetryIn1s = AttemptOutcome.Retrying(TimeSpan.FromSeconds(1), "503");
    private static readonly AttemptOutcome RetryIn2s = AttemptOutcome.Retrying(TimeSpan.FromSeconds(2), "503");

    [Fact]
    public async Task RunAsync_FailFailSucceed_WaitsTheBackoffTheAttemptsDecided()
    {
        var context = new RecordingRunContext(T, RetryIn1s, RetryIn2s, AttemptOutcome.Ended(RunStatus.Succeeded, 3));

        var outcome = await RunWorkflow.RunAsync(context, Run);

        Assert.Equal(RunProgress.Ended(new RunOutcome(RunStatus.Succeeded, 3)), outcome);
        Assert.Equal([Attempt(1), Delay(TimeSpan.FromSeconds(1)), Attempt(2), Delay(TimeSpan.FromSeconds(2)), Attempt(3)], context.Calls);
    }

    [Fact]
    public async Task RunAsync_SameHistoryTwice_MakesTheSameCalls()
    {
        var policy = RetryPolicy.Default with { MaxAttempts = 4, Jitter = 0.5 };
        var failure = AttemptResult.Failure("503", retryable: true);
        AttemptOutcome[] history = [AttemptOutcome.From(failure, 1, policy, Run.RunId), AttemptOutcome.From(failure, 2, policy, Run.RunId), AttemptOutcome.Ended(RunStatus.Succeeded, 3)];
        var first = new RecordingRunContext(T, history);
        var replay = new RecordingRunContext(T, history);

        await RunWorkflow.RunAsync(first, Run);
        await RunWorkflow.RunAsync(replay, Run);

        Assert.Equal(first.Calls, replay.Calls);
        Assert.Equal(Delay(RetryBackoff.DelayAfter(policy, Run.RunId, 1)), first.Calls[1]);
        Assert.Equal(Delay(RetryBackoff.DelayAfter(policy, Run.RunId, 2)), first.Calls[3]);
    }

    [Fact]
    public async Task RunAsync_WokenBeforeTheDueTimeTheRunIdCarries_WaitsForItBeforeTheFirstAttempt()
    {
        var context = new RecordingRunContext(T, AttemptOutcome.Ended(RunStatus.Succeeded, 1));

        await RunWorkflow.RunAsync(context, Run with { RunId = RunIds.For("job", T.AddSeconds(10)) });

        Assert.Equal([Delay(TimeSpan.FromSeconds(10)), Attempt(1)], context.Calls);
    }

    [Fact]
    public async Task RunAsync_NotDue_WaitsUntilTheDueInstantAndAsksForTheSameAttempt()
    {
        var context = new RecordingRunContext(T, AttemptOutcome.NotDue(T.AddSeconds(10)), AttemptOutcome.Ended(RunStatus.Succeeded, 1));

        await RunWorkflow.RunAsync(context, Run);

        Assert.Equal([Attempt(1), Delay(TimeSpan.FromSeconds(10)), Attempt(1)], context.Calls);
        Assert.Equal(T.AddSeconds(10), context.UtcNow);
    }

    [Fact]
    public async Task RunAsync_Deferred_WaitsAndAsksForTheSameAttemptAgain()
    {
        var context = new RecordingRunContext(T, AttemptOutcome.Deferred(TimeSpan.FromSeconds(5)), AttemptOutcome.Ended(RunStatus.Succeeded, 1));

        await RunWorkflow.RunAsync(context, Run);

        Assert.Equal([Attempt(1), Delay(TimeSpan.FromSeconds(5)), Attempt(1)], context.Calls);
    }

    [Fact]
    public async Task RunAsync_FailedForGood_EndsFailedWithoutAnotherStep()
    {
        var context = new RecordingRunContext(T, AttemptOutcome.Ended(RunStatus.Failed, 1, "400"));

        var outcome = await RunWorkflow.RunAsync(context, Run);

        Assert.Equal(RunProgress.Ended(new RunOutcome(RunStatus.Failed, 1)), outcome);
        Assert.Equal([Attempt(1)], context.Calls);
    }

    [Fact]
    public async Task RunAsync_CanceledBeforeSecondAttempt_EndsCanceledWithAttemptsMadeAndNoFurtherStep()
    {
        var context = new RecordingRunContext(T, RetryIn1s, AttemptOutcome.Ended(RunStatus.Canceled, 1));

        var outcome = await RunWorkflow.RunAsync(context, Run);

        Assert.Equal(RunProgress.Ended(new RunOutcome(RunStatus.Canceled, 1)), outcome);
        Assert.Equal([Attempt(1), Delay(TimeSpan.FromSeconds(1)), Attempt(2)], context.Calls);
    }

    [Fact]
    public async Task RunAsync_RunGoneOrFinished_EndsAfterOneStep()
    {
        var gone = new RecordingRunContext(T, AttemptOutcome.Ended(RunStatus.Canceled, 0));

        var outcome = await RunWorkflow.RunAsync(gone, Run);

        Assert.Equal([Attempt(1)], gone.Calls);
        Assert.Equal(RunProgress.Ended(new RunOutcome(RunStatus.Canceled, 0)), outcome);
    }

    [Fact]
    public async Task RunAsync_LongWaitForASlot_ContinuesAsNewAtTheSameAttemptWhereAHistoryIsKept()
    {
        var slotWait = AttemptOutcome.Deferred(TimeSpan.FromSeconds(1));
        var context = new RecordingRunContext(T, keepsHistory: true, [RetryIn1s, .. Enumerable.Repeat(slotWait, RunWorkflow.DeferralsPerHistory)]);

        var outcome = await RunWorkflow.RunAsync(context, Run);

        Assert.Equal(RunProgress.ContinuedAsNew, outcome);
        Assert.Equal(ContinuedAsNew, context.Calls[^1]);
        Assert.Equal(Run with { Attempt = 2, Deferrals = RunWorkflow.DeferralsPerHistory }, context.ContinuedWith);
        Assert.Equal(RunWorkflow.DeferralsPerHistory + 1, context.Calls.Count(c => c.StartsWith("ExecuteAttempt", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_ContinuedRun_KeepsTheGrownSlotWait()
    {
        var context = new RecordingRunContext(T, AttemptOutcome.Deferred(TimeSpan.FromSeconds(1)), AttemptOutcome.Ended(RunStatus.Succeeded, 2));

        await RunWorkflow.RunAsync(context, Run with { Attempt = 2, Deferrals = RunWorkflow.DeferralsPerHistory });

        Assert.Equal([Attempt(2), Delay(RunWorkflow.MaxDeferralWait), Attempt(2)], context.Calls);
    }

    [Fact]
    public async Task RunAsync_HostWithoutHistory_WaitsInPlaceInsteadOfContinuing()
    {
        var slotWait = AttemptOutcome.Deferred(TimeSpan.FromSeconds(1));
        var context = new RecordingRunContext(T, [.. Enumerable.Repeat(slotWait, RunWorkflow.DeferralsPerHistory + 1), AttemptOutcome.Ended(RunStatus.Succeeded, 1)]);

        var outcome = await RunWorkflow.RunAsync(context, Run);

        Assert.Equal(RunProgress.Ended(new RunOutcome(RunStatus.Succeeded, 1)), outcome);
        Assert.DoesNotContain(ContinuedAsNew, context.Calls);
    }
}
