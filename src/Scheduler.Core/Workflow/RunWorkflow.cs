using Scheduler.Core.Runs;

namespace Scheduler.Core.Workflow;

/// <summary>The run workflow, written once for both hosts. Deterministic: no clock, Guid, I/O or randomness of its own.</summary>
public static class RunWorkflow
{
    public static async Task<RunOutcome> RunAsync(IRunContext context, RunRef run)
    {
        var plan = await context.Begin(run);
        if (!plan.Exists || plan.Status.IsTerminal())
        {
            return new RunOutcome(plan.Status, plan.AttemptCount);
        }

        if (context.UtcNow < plan.DueUtc)
        {
            await context.Delay(plan.DueUtc - context.UtcNow);
        }

        var attempt = 1;
        var deferrals = 0;
        while (true)
        {
            var outcome = await context.ExecuteAttempt(new AttemptRequest(run.JobId, run.RunId, attempt));
            deferrals = outcome.Kind == AttemptOutcomeKind.Deferred ? deferrals + 1 : 0;
            switch (outcome.Kind)
            {
                case AttemptOutcomeKind.Deferred:
                    await context.Delay(DeferralWait(outcome.WaitFor ?? TimeSpan.FromSeconds(1), deferrals));
                    continue;
                case AttemptOutcomeKind.Finished:
                    return new RunOutcome(outcome.FinalStatus ?? RunStatus.Canceled, attempt - 1);
                case AttemptOutcomeKind.Canceled:
                    return await context.Finalize(new FinalizeRequest(run.JobId, run.RunId, RunStatus.Canceled, attempt - 1, "Canceled on request."));
                case AttemptOutcomeKind.Succeeded:
                    return await context.Finalize(new FinalizeRequest(run.JobId, run.RunId, RunStatus.Succeeded, attempt, null));
                case AttemptOutcomeKind.Failed when !RetryRule.WillRetry(outcome.Retryable, attempt, plan.Retry):
                    return await context.Finalize(new FinalizeRequest(run.JobId, run.RunId, RunStatus.Failed, attempt, outcome.Error));
                case AttemptOutcomeKind.Failed:
                    await context.Delay(RetryBackoff.DelayAfter(plan.Retry, run.RunId, attempt, outcome.RetryAfter));
                    attempt++;
                    continue;
                default:
                    throw new InvalidOperationException($"Run {run.RunId}: unknown attempt outcome {outcome.Kind}.");
            }
        }
    }

    /// <summary>Waiting for a slot backs off (x2 per consecutive deferral, up to <see cref="MaxDeferralWait"/>), so a run
    /// held back for hours adds a few thousand steps to an orchestration's history, not hundreds of thousands.</summary>
    internal static TimeSpan DeferralWait(TimeSpan asked, int deferrals)
    {
        var grown = asked * Math.Pow(2, Math.Min(deferrals - 1, 10));
        var cap = asked > MaxDeferralWait ? asked : MaxDeferralWait;
        return grown < cap ? grown : cap;
    }

    public static readonly TimeSpan MaxDeferralWait = TimeSpan.FromSeconds(10);
}
