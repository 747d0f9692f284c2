using Scheduler.Core.Alerts;
using Scheduler.Core.FollowUps;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Workflow;

/// <summary>Writes what a run became once it was on its way: an attempt recorded together with the status its outcome leaves
/// (<see cref="AttemptOutcome.From"/>), in one write; or Canceled, for a run canceled while it waited. Nothing else writes
/// those statuses, and each is written once. A run that ends with follow-ups (<see cref="FollowUpPlan"/>) has them written in
/// that same write and carried out right after it (<see cref="FollowUpRunner"/>), while the run's slot is still held.</summary>
public sealed class RunSettler(IRunStore runs, IFollowUpStore followUps, FollowUpRunner runner, RunSlots slots, RunEvents events, AlertOptions alerts, TimeProvider time)
{
    public const string CanceledOnRequest = "Canceled on request.";

    /// <summary>Records the attempt with the run's next status; returns what follows it and the run as stored afterwards
    /// (null when its ETag is not known: the next step reads it).</summary>
    public async Task<(AttemptOutcome Outcome, Run? Stored)> RecordAttemptAsync(Run running, AttemptRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(running);
        ArgumentNullException.ThrowIfNull(record);
        var outcome = AttemptOutcome.From(record.Result, record.Number, running.Definition.Retry, running.RunId);
        var next = outcome.RunStatusAfter;
        var (stored, settled) = await SaveAsync(running, record, next, cancellationToken).ConfigureAwait(false);
        if (settled)
        {
            events.StatusChanged(stored ?? running, next, record.Number);
        }

        return (outcome, stored is null ? null : await runner.CarryOutAsync(stored, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Ends a run as Canceled unless it has ended already; returns the run as it ends (null: gone). The attempt step
    /// calls it for a run whose cancel came before its attempt, <see cref="Services.RunCanceller"/> for a run whose execution its host stopped.</summary>
    public async Task<Run?> CancelAsync(string jobId, string runId, Run? known, CancellationToken cancellationToken)
    {
        while (true)
        {
            var run = known ?? await runs.GetAsync(jobId, runId, cancellationToken).ConfigureAwait(false);
            known = null;
            if (run is null || run.Status.IsTerminal())
            {
                return run;
            }

            if (await TryCancelAsync(run, cancellationToken).ConfigureAwait(false) is { } canceled)
            {
                return canceled;
            }
        }
    }

    /// <summary>One conditional write of <paramref name="run"/> as Canceled (with its follow-ups), those carried out, its slot
    /// released (or kept for a later try of the follow-ups); null when the run changed meanwhile (read it again and decide again).</summary>
    public async Task<Run?> TryCancelAsync(Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var canceled = run with
        {
            CancelRequested = true,
            Status = RunStatus.Canceled,
            FinishedUtc = time.GetUtcNow(),
            LastError = CanceledOnRequest,
            InFlightAttempt = null,
            Slot = null,
        };
        var plan = FollowUpPlan.For(canceled, alerts.Defaults);
        canceled = canceled with { FollowUpsPending = plan.Count > 0 };
        var written = await WriteAsync(canceled, null, plan, cancellationToken).ConfigureAwait(false);
        if (written.Outcome == WriteOutcome.Stale)
        {
            return null;
        }

        events.StatusChanged(canceled, RunStatus.Canceled, run.AttemptCount);
        var ended = await runner.CarryOutAsync(canceled with { ETag = written.ETag }, cancellationToken).ConfigureAwait(false);
        if (run.Slot is { } held)
        {
            await slots.ReleaseAsync(held, ended, cancellationToken).ConfigureAwait(false);
        }

        return ended;
    }

    /// <summary>Records the attempt with the run's next status; returns the stored run (when its ETag is known) and whether
    /// the status was set (false when the run had already ended, canceled while its attempt ran).</summary>
    private async Task<(Run? Stored, bool Settled)> SaveAsync(Run running, AttemptRecord record, RunStatus next, CancellationToken cancellationToken)
    {
        var run = running;
        while (true)
        {
            var settled = !run.Status.IsTerminal();
            var after = run with
            {
                // A run canceled (and ended) while its attempt ran keeps its terminal status; the attempt is still recorded.
                Status = settled ? next : run.Status,
                FinishedUtc = settled && next.IsTerminal() ? record.FinishedUtc : run.FinishedUtc,
                AttemptCount = record.Number,
                InFlightAttempt = null,
                InFlightSinceUtc = null,
                LastError = record.Result.Error,
                ResultExcerpt = record.Result.ResponseExcerpt ?? run.ResultExcerpt,
                Slot = null,
            };
            var plan = settled ? FollowUpPlan.For(after, alerts.Defaults) : [];
            after = after with { FollowUpsPending = plan.Count > 0 };
            var written = await WriteAsync(after, record, plan, cancellationToken).ConfigureAwait(false);
            if (written.Outcome != WriteOutcome.Stale)
            {
                // Without the new ETag the next step must read the run: writing with no ETag would be unconditional.
                return (written.Done && written.ETag is not null ? after with { ETag = written.ETag } : null, written.Done && settled);
            }

            // Someone (a cancel request) changed the run meanwhile: keep their change, add ours.
            run = await runs.GetAsync(running.JobId, running.RunId, cancellationToken).ConfigureAwait(false)
                ?? throw new RunNotFoundException(running.RunId);
        }
    }

    /// <summary>The settle's one write: the run with its attempt and follow-ups; a run without follow-ups costs what it always did.</summary>
    private Task<Written> WriteAsync(Run run, AttemptRecord? record, IReadOnlyList<FollowUp> plan, CancellationToken cancellationToken) =>
        plan.Count > 0 ? followUps.SettleAsync(run, record, plan, cancellationToken)
        : record is null ? runs.ReplaceAsync(run, cancellationToken)
        : runs.RecordAttemptAsync(run, record, cancellationToken);
}
