using Scheduler.Core.Resilience;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Workflow;

/// <summary>The run workflow, written once for both hosts: it decides only how long to wait and which attempt to ask for
/// next. What follows an attempt, and the run's status, are decided by the attempt step, where the run is known.
/// Deterministic: no clock, Guid, I/O or randomness of its own.</summary>
public static class RunWorkflow
{
    /// <summary>Runs the workflow until the run ends, its host suspends it, or it continues as new.</summary>
    public static async Task<RunProgress> RunAsync(IRunContext context, RunStart start)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(start);
        var attempt = start.Attempt;
        var deferrals = start.Deferrals;
        // The run id carries the due time: a run woken early (a queue message's delay is whole seconds) waits for it
        // before its first step, without reading the run. The attempt step checks again against the run itself.
        if (await context.WaitUntil(RunIds.DueOf(start.RunId)) is { } suspendedUntil)
        {
            return RunProgress.SuspendedUntil(suspendedUntil);
        }

        while (true)
        {
            var outcome = await context.ExecuteAttempt(new AttemptRequest(start.JobId, start.RunId, attempt));
            DateTimeOffset wait;
            switch (outcome.Kind)
            {
                case AttemptOutcomeKind.Ended:
                    // The step wrote this status (or found it written): the workflow reports it and writes nothing.
                    return RunProgress.Ended(new RunOutcome(outcome.RunStatusAfter, outcome.Attempts));
                case AttemptOutcomeKind.Retrying:
                    deferrals = 0;
                    attempt++;
                    wait = context.UtcNow + (outcome.WaitFor ?? TimeSpan.Zero);
                    break;
                case AttemptOutcomeKind.NotDue:
                    wait = outcome.DueUtc ?? context.UtcNow;
                    break;
                case AttemptOutcomeKind.Deferred:
                    deferrals++;
                    if (deferrals % DeferralsPerHistory == 0 && context.TryContinueAsNew(start with { Attempt = attempt, Deferrals = deferrals }))
                    {
                        return RunProgress.ContinuedAsNew;
                    }

                    wait = context.UtcNow + DeferralWait(outcome.WaitFor ?? TimeSpan.FromSeconds(1), deferrals);
                    break;
                default:
                    throw new InvalidOperationException($"Run {start.RunId}: unknown attempt outcome {outcome.Kind}.");
            }

            if (await context.WaitUntil(wait) is { } resumeAt)
            {
                return RunProgress.SuspendedUntil(resumeAt);
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
