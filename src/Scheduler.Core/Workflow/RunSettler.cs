using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Workflow;

/// <summary>Writes what a run became once it was on its way: an attempt recorded together with the status its outcome leaves
/// (<see cref="AttemptOutcome.From"/>), in one write; or Canceled, for a run canceled while it waited. Nothing else writes
/// those statuses, and each is written once.</summary>
public sealed class RunSettler(IRunStore runs, RunSlots slots, RunEvents events, TimeProvider time)
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

        return (outcome, stored);
    }

    /// <summary>Ends a run as Canceled unless it has ended already; returns the run as it ends (null: gone). The attempt step
    /// calls it for a run whose cancel came before its attempt, the Functions host for a run whose orchestration it terminated.</summary>
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

    /// <summary>One conditional write of <paramref name="run"/> as Canceled, its slot released; null when the run changed
    /// meanwhile (read it again and decide again).</summary>
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
        var written = await runs.ReplaceAsync(canceled, cancellationToken).ConfigureAwait(false);
        if (written.Outcome == WriteOutcome.Stale)
        {
            return null;
        }

        if (run.Slot is { } held)
        {
            await slots.ReleaseAsync(held, run.RunId, cancellationToken).ConfigureAwait(false);
        }

        events.StatusChanged(canceled, RunStatus.Canceled, run.AttemptCount);
        return canceled with { ETag = written.ETag };
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
            var written = await runs.RecordAttemptAsync(after, record, cancellationToken).ConfigureAwait(false);
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
}
