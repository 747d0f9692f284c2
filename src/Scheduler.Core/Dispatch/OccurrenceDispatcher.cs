using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;
using Scheduler.Core.Workflow;

namespace Scheduler.Core.Dispatch;

/// <summary>Handles one due row by its trigger: an occurrence of the schedule is checked against its job (current, active,
/// misfire and overlap policies) and advances the job; a run on demand only needs its job. Either way
/// <see cref="RunStarter"/> takes the slot, inserts the run and starts it.</summary>
public sealed class OccurrenceDispatcher(IJobStore jobs, IRunStore runs, RunStarter starter, JobAdvancer advancer, SkippedRuns skipped, SweepOptions options)
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

        var job = await jobs.GetAsync(row.JobId, cancellationToken).ConfigureAwait(false);
        return row.Trigger == RunTrigger.Schedule
            ? await DispatchScheduledAsync(row, job, sweep, cancellationToken).ConfigureAwait(false)
            : await DispatchOnDemandAsync(row, job, sweep, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An occurrence of the job's schedule: current only for the job's schedule version while the job is active;
    /// misfire and overlap policies apply; the job advances past it.</summary>
    private async Task<RowOutcome> DispatchScheduledAsync(DueEntry row, Job? job, SweepContext sweep, CancellationToken cancellationToken)
    {
        var now = sweep.NowUtc;
        if (IsAheadOfItsJob(row, job, now))
        {
            return RowOutcome.Pending;
        }

        if (job is null || job.ScheduleVersion != row.ScheduleVersion || job.Status != JobStatus.Active)
        {
            sweep.ToRemove.Add(row);
            return RowOutcome.Stale;
        }

        var (policy, resumeAfter) = await ApplyPoliciesAsync(job, row, now, cancellationToken).ConfigureAwait(false);
        if (policy != RowOutcome.Dispatched)
        {
            if (policy == RowOutcome.Skipped)
            {
                sweep.ToRemove.Add(row);
            }

            return policy;
        }

        var started = await starter.StartAsync(job, row, sweep.Lane(row.Lane), now, cancellationToken).ConfigureAwait(false);
        if (started == RowOutcome.Throttled)
        {
            return started;
        }

        // Already dispatched too: the sweep that dispatched it may have died before advancing the job.
        await advancer.AdvanceAsync(job, resumeAfter, RunIds.For(job.Id, row.DueUtc), now, cancellationToken).ConfigureAwait(false);
        sweep.ToRemove.Add(row);
        return started;
    }

    /// <summary>A run asked for outside the schedule (by hand): it runs whatever the job's schedule version, status or
    /// policies say, and the job records it as its last run. Another kind of trigger that starts a run on demand is one more
    /// case of the trigger here, not a flag.</summary>
    private async Task<RowOutcome> DispatchOnDemandAsync(DueEntry row, Job? job, SweepContext sweep, CancellationToken cancellationToken)
    {
        if (job is null)
        {
            sweep.ToRemove.Add(row);
            return RowOutcome.Stale;
        }

        var started = await starter.StartAsync(job, row, sweep.Lane(row.Lane), sweep.NowUtc, cancellationToken).ConfigureAwait(false);
        if (started == RowOutcome.Throttled)
        {
            return started;
        }

        if (started == RowOutcome.Dispatched)
        {
            await advancer.RecordManualAsync(job, RunIds.For(job.Id, row.DueUtc), sweep.NowUtc, cancellationToken).ConfigureAwait(false);
        }

        sweep.ToRemove.Add(row);
        return started;
    }

    /// <summary>Misfire and overlap: Dispatched (with the instant the schedule resumes after), Held, or Skipped (recorded, job advanced).</summary>
    private async Task<(RowOutcome Outcome, DateTimeOffset ResumeAfter)> ApplyPoliciesAsync(Job job, DueEntry row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var misfire = MisfireDecider.Decide(job.Definition.Misfire, row.DueUtc, now);
        var overlap = misfire.Run ? await DecideOverlapAsync(job, cancellationToken).ConfigureAwait(false) : OverlapDecision.Skip;
        if (overlap == OverlapDecision.Hold)
        {
            return (RowOutcome.Held, misfire.ResumeAfterUtc);
        }

        if (overlap == OverlapDecision.Skip)
        {
            await skipped.RecordAsync(job, row.DueUtc, misfire.Reason ?? "the previous run is still active (overlap policy Skip)", now, cancellationToken).ConfigureAwait(false);
            await advancer.AdvanceAsync(job, misfire.ResumeAfterUtc, null, now, cancellationToken).ConfigureAwait(false);
            return (RowOutcome.Skipped, misfire.ResumeAfterUtc);
        }

        return (RowOutcome.Dispatched, misfire.ResumeAfterUtc);
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
}
