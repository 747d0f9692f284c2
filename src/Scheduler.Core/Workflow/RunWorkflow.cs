using Scheduler.Core.Runs;

namespace Scheduler.Core.Workflow;

/// <summary>The run workflow, written once for both hosts. Deterministic: no clock, Guid, I/O or randomness of its own.
/// What follows an attempt (success, retry after backoff, failure) is decided by the attempt step, where the run is known.</summary>
public static class RunWorkflow
{
    /// <summary>Runs the workflow; null when it continued as new (the host starts it again from a fresh history).</summary>
    public static async Task<RunOutcome?> RunAsync(IRunContext context, RunStart start)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(start);
        var attempt = start.Attempt;
        var deferrals = start.Deferrals;
        // The run id carries the due time: a run woken early (a queue message's delay is whole seconds) waits for it
        // before its first step, without reading the run. The attempt step checks again against the run itself.
        await context.WaitUntil(RunIds.DueOf(start.RunId));
        while (true)
        {
            var outcome = await context.ExecuteAttempt(new AttemptRequest(start.JobId, start.RunId, attempt));
            switch (outcome.Kind)
            {
                case AttemptOutcomeKind.NotDue:
                    await context.WaitUntil(outcome.DueUtc ?? context.UtcNow);
                    continue;
                case AttemptOutcomeKind.Deferred:
                    deferrals++;
                    if (deferrals % DeferralsPerHistory == 0 && context.TryContinueAsNew(start with { Attempt = attempt, Deferrals = deferrals }))
                    {
                        return null;
                    }

                    await context.WaitUntil(context.UtcNow + DeferralWait(outcome.WaitFor ?? TimeSpan.FromSeconds(1), deferrals));
                    continue;
                case AttemptOutcomeKind.Retrying:
                    deferrals = 0;
                    await context.WaitUntil(context.UtcNow + (outcome.WaitFor ?? TimeSpan.Zero));
                    attempt++;
                    continue;
                case AttemptOutcomeKind.Succeeded:
                    return new RunOutcome(RunStatus.Succeeded, attempt);
                case AttemptOutcomeKind.Failed:
                    return new RunOutcome(RunStatus.Failed, attempt);
                case AttemptOutcomeKind.Finished:
                    return new RunOutcome(outcome.FinalStatus ?? RunStatus.Canceled, outcome.Attempts);
                case AttemptOutcomeKind.Canceled:
                    return await context.Finalize(new FinalizeRequest(start.JobId, start.RunId, RunStatus.Canceled, attempt - 1, "Canceled on request."));
                default:
                    throw new InvalidOperationException($"Run {start.RunId}: unknown attempt outcome {outcome.Kind}.");
            }
        }
    }

    /// <summary>Waiting for a slot backs off (x2 per consecutive deferral, up to <see cref="MaxDeferralWait"/>), so a run
    /// held back for hours asks a few times a minute, not every second.</summary>
    internal static TimeSpan DeferralWait(TimeSpan asked, int deferrals)
    {
        var grown = asked * Math.Pow(2, Math.Clamp(deferrals - 1, 0, 10));
        var cap = asked > MaxDeferralWait ? asked : MaxDeferralWait;
        return grown < cap ? grown : cap;
    }

    public static readonly TimeSpan MaxDeferralWait = TimeSpan.FromSeconds(10);

    /// <summary>Deferrals after which a Durable orchestration continues as new: its history then holds at most this many
    /// attempt-and-timer pairs however long the run waits for a slot or a resume.</summary>
    public const int DeferralsPerHistory = 20;
}
