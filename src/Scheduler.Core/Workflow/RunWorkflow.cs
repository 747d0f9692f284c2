using Scheduler.Core.Resilience;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Workflow;

/// <summary>The run workflow, written once for both hosts: it decides only how long to wait and which attempt to ask for
/// next. What follows an attempt, and the run's status, are decided by the attempt step, where the run is known.
/// Deterministic: no clock, Guid, I/O or randomness of its own.</summary>
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
                case AttemptOutcomeKind.Ended:
                    // The step wrote this status (or found it written): the workflow reports it and writes nothing.
                    return new RunOutcome(outcome.RunStatusAfter, outcome.Attempts);
                case AttemptOutcomeKind.Retrying:
                    deferrals = 0;
                    await context.WaitUntil(context.UtcNow + (outcome.WaitFor ?? TimeSpan.Zero));
                    attempt++;
                    continue;
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
                default:
                    throw new InvalidOperationException($"Run {start.RunId}: unknown attempt outcome {outcome.Kind}.");
            }
        }
    }

    /// <summary>Waiting for a slot backs off (the wait asked for, doubling per consecutive deferral, up to
    /// <see cref="MaxDeferralWait"/>), so a run held back for hours asks a few times a minute, not every second.</summary>
    internal static TimeSpan DeferralWait(TimeSpan asked, int deferrals) =>
        new Backoff(asked, asked > MaxDeferralWait ? asked : MaxDeferralWait).After(Math.Max(deferrals, 1));

    public static readonly TimeSpan MaxDeferralWait = TimeSpan.FromSeconds(10);

    /// <summary>Deferrals after which a Durable orchestration continues as new: its history then holds at most this many
    /// attempt-and-timer pairs however long the run waits for a slot or a resume.</summary>
    public const int DeferralsPerHistory = 20;
}
