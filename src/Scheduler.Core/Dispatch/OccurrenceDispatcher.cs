using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Workflow;

namespace Scheduler.Core.Dispatch;

/// <summary>Handles one due row by its trigger: an occurrence of the schedule is checked against its job (current, active,
/// misfire and overlap policies) and advances the job; a run on demand only needs its job (a parent's run also the job's pause
/// and overlap policy). Either way
/// <see cref="RunStarter"/> takes the slot and writes the run with its job in one atomic write, and starts it.</summary>
/// <remarks>The job comes from <see cref="JobCache"/>. A cached copy may only lead to a dispatch, whose write its ETag guards;
/// any other decision (stale, pending, held, skipped) is made again on a fresh read before anything is written, and so is a
/// dispatch whose write found the job changed.</remarks>
public sealed class OccurrenceDispatcher(JobCache jobs, IRunStore runs, RunStarter starter, JobAdvancer advancer, SkippedRuns skipped, SweepOptions options)
{
    internal async Task<RowOutcome> DispatchAsync(DueEntry row, SweepContext sweep, bool admitted, CancellationToken cancellationToken)
    {
        if (row.DueUtc > sweep.NowUtc + sweep.Window)
        {
            return RowOutcome.NotYet;
        }

        if (!admitted)
        {
            // No slot for it this sweep: leave it without reading its job (a backlog costs nothing per sweep).
            return RowOutcome.Throttled;
        }

        var (job, fresh) = await jobs.GetAsync(row.JobId, cancellationToken).ConfigureAwait(false);
        var outcome = await DispatchAsync(row, job, fresh, sweep, cancellationToken).ConfigureAwait(false);
        if (outcome == RowOutcome.JobChanged)
        {
            job = await jobs.ReadAsync(row.JobId, cancellationToken).ConfigureAwait(false);
            outcome = await DispatchAsync(row, job, fresh: true, sweep, cancellationToken).ConfigureAwait(false);
        }

        // Changed again between a fresh read and the write: the row stays for the next sweep.
        return outcome == RowOutcome.JobChanged ? RowOutcome.Pending : outcome;
    }

    private Task<RowOutcome> DispatchAsync(DueEntry row, Job? job, bool fresh, SweepContext sweep, CancellationToken cancellationToken) =>
        row.Trigger == RunTrigger.Schedule
            ? DispatchScheduledAsync(row, job, fresh, sweep, cancellationToken)
            : DispatchOnDemandAsync(row, job, fresh, sweep, cancellationToken);

    /// <summary>An occurrence of the job's schedule: current only for the job's schedule version while the job is active;
    /// misfire and overlap policies apply; the job advances past it.</summary>
    private async Task<RowOutcome> DispatchScheduledAsync(DueEntry row, Job? job, bool fresh, SweepContext sweep, CancellationToken cancellationToken)
    {
        var now = sweep.NowUtc;
        var current = job is not null && job.ScheduleVersion == row.ScheduleVersion && job.Status == JobStatus.Active;
        if (!current && !fresh)
        {
            return RowOutcome.JobChanged;
        }

        if (IsAheadOfItsJob(row, job, now))
        {
            return RowOutcome.Pending;
        }

        if (!current)
        {
            sweep.ToRemove.Add(row);
            return RowOutcome.Stale;
        }

        var misfire = MisfireDecider.Decide(job!.Definition.Misfire, row.DueUtc, now);
        var overlap = misfire.Run ? await DecideOverlapAsync(job, cancellationToken).ConfigureAwait(false) : OverlapDecision.Skip;
        if (overlap != OverlapDecision.Dispatch && !fresh)
        {
            return RowOutcome.JobChanged;
        }

        if (overlap == OverlapDecision.Hold)
        {
            return RowOutcome.Held;
        }

        if (overlap == OverlapDecision.Skip)
        {
            await skipped.RecordAsync(job, row.DueUtc, misfire.Reason ?? "the previous run is still active (overlap policy Skip)", now, cancellationToken).ConfigureAwait(false);
            Remember(job.Id, await advancer.AdvanceAsync(job, misfire.ResumeAfterUtc, null, now, cancellationToken).ConfigureAwait(false));
            sweep.ToRemove.Add(row);
            return RowOutcome.Skipped;
        }

        var runId = RunIds.For(job.Id, row.DueUtc);
        var (started, stored) = await starter.StartAsync(job, row, sweep.Lane(row.Lane), now,
            ct => advancer.PrepareAsync(job, misfire.ResumeAfterUtc, runId, now, ct), cancellationToken).ConfigureAwait(false);
        if (started is RowOutcome.Throttled or RowOutcome.JobChanged)
        {
            return started;
        }

        if (started == RowOutcome.AlreadyDispatched)
        {
            // The run was written without its job: an occurrence recorded as skipped whose advance a crash stopped.
            stored = await advancer.AdvanceAsync(job, misfire.ResumeAfterUtc, runId, now, cancellationToken).ConfigureAwait(false);
        }

        Remember(job.Id, stored);
        sweep.ToRemove.Add(row);
        return started;
    }

    /// <summary>A run asked for outside the schedule (by hand): it runs whatever the job's schedule version, status or
    /// policies say, and the job records it as its last run. Another kind of trigger that starts a run on demand is one more
    /// case of the trigger here, not a flag.</summary>
    private async Task<RowOutcome> DispatchOnDemandAsync(DueEntry row, Job? job, bool fresh, SweepContext sweep, CancellationToken cancellationToken)
    {
        if (job is null)
        {
            if (!fresh)
            {
                return RowOutcome.JobChanged;
            }

            sweep.ToRemove.Add(row);
            return RowOutcome.Stale;
        }

        if (row.Trigger == RunTrigger.Parent && await HeldFromParentAsync(row, job, fresh, sweep, cancellationToken).ConfigureAwait(false) is { } held)
        {
            return held;
        }

        var runId = RunIds.For(job.Id, row.DueUtc);
        var (started, stored) = await starter.StartAsync(job, row, sweep.Lane(row.Lane), sweep.NowUtc,
            _ => Task.FromResult(JobAdvancer.WithManualRun(job, runId, sweep.NowUtc, counted: row.Trigger != RunTrigger.Parent)), cancellationToken).ConfigureAwait(false);
        if (started is RowOutcome.Throttled or RowOutcome.JobChanged)
        {
            return started;
        }

        if (started == RowOutcome.Dispatched)
        {
            Remember(job.Id, stored);
        }

        sweep.ToRemove.Add(row);
        return started;
    }

    /// <summary>A run a parent's run started keeps its job's pause and overlap policy (a run by hand overrides both): on a paused job,
    /// or one whose overlap policy skips it, it is recorded as Skipped; held by BufferOne, it waits. Null: dispatch it.</summary>
    private async Task<RowOutcome?> HeldFromParentAsync(DueEntry row, Job job, bool fresh, SweepContext sweep, CancellationToken cancellationToken)
    {
        var paused = job.Status == JobStatus.Paused;
        var overlap = paused ? OverlapDecision.Skip : await DecideOverlapAsync(job, cancellationToken).ConfigureAwait(false);
        if (overlap == OverlapDecision.Dispatch)
        {
            return null;
        }

        if (!fresh)
        {
            return RowOutcome.JobChanged;
        }

        if (overlap == OverlapDecision.Hold)
        {
            return RowOutcome.Held;
        }

        var reason = paused ? "the job is paused" : "the previous run is still active (overlap policy Skip)";
        await skipped.RecordAsync(job, row.DueUtc, row.Trigger, row.Inputs ?? RunInputs.None, reason, sweep.NowUtc, cancellationToken).ConfigureAwait(false);
        sweep.ToRemove.Add(row);
        return RowOutcome.Skipped;
    }

    /// <summary>Rows are written before their job (create, update, the sweep's own advance). A row newer than its job, or
    /// whose job does not exist yet, may belong to a write still in progress: keep it for <see cref="SweepOptions.PendingGrace"/>
    /// after it was written; past that, the write failed and the row is stale.</summary>
    private bool IsAheadOfItsJob(DueEntry row, Job? job, DateTimeOffset now)
    {
        var ahead = job is null || row.ScheduleVersion > job.ScheduleVersion;
        return ahead && row.WrittenUtc is { } written && now - written < options.PendingGrace;
    }

    private async Task<OverlapDecision> DecideOverlapAsync(Job job, CancellationToken cancellationToken)
    {
        if (job.Definition.Overlap == OverlapPolicy.Allow || job.LastRunId is null)
        {
            return OverlapDecision.Dispatch;
        }

        var previous = await runs.GetAsync(job.Id, job.LastRunId, cancellationToken).ConfigureAwait(false);
        return OverlapDecider.Decide(job.Definition.Overlap, previous is not null && !previous.Status.IsTerminal());
    }

    /// <summary>Keeps the job as this dispatch wrote it; a write whose new ETag is unknown (or that lost) leaves nothing to keep.</summary>
    private void Remember(string jobId, Job? stored)
    {
        if (stored is null)
        {
            jobs.Forget(jobId);
        }
        else
        {
            jobs.Put(stored);
        }
    }
}
