using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;
using Scheduler.Core.Workflow;

namespace Scheduler.Core.Dispatch;

/// <summary>Handles one due row: checks it is current, applies misfire and overlap policies, takes a slot, inserts the run,
/// starts it (in process when the host can, else by a queue message with a visibility delay of due - now), and advances the job.</summary>
public sealed class OccurrenceDispatcher(IJobStore jobs, IRunStore runs, IRunSender sender, IRunLauncher launcher, SlotAllocator allocator, JobAdvancer advancer, SkippedRuns skipped, RunEvents events, SweepOptions options, RunOptions runOptions)
{
    internal async Task<RowOutcome> DispatchAsync(DueEntry row, SweepContext sweep, bool admitted, CancellationToken cancellationToken)
    {
        var now = sweep.NowUtc;
        if (row.DueUtc > now + sweep.Window)
        {
            return RowOutcome.NotYet;
        }

        if (!admitted)
        {
            // No slot for it this sweep: leave it without reading its job (a backlog costs nothing per sweep).
            return RowOutcome.Throttled;
        }

        var job = await jobs.GetAsync(row.JobId, cancellationToken).ConfigureAwait(false);
        var manual = row.Kind == RunTriggerKind.Manual;
        if (IsAheadOfItsJob(row, job, manual, now))
        {
            return RowOutcome.Pending;
        }

        if (job is null || (!manual && (job.ScheduleVersion != row.ScheduleVersion || job.Status != JobStatus.Active)))
        {
            sweep.ToRemove.Add(row);
            return RowOutcome.Stale;
        }

        var resumeAfter = row.DueUtc;
        if (!manual)
        {
            var misfire = MisfireDecider.Decide(job.Definition.Misfire, row.DueUtc, now);
            resumeAfter = misfire.ResumeAfterUtc;
            var overlap = misfire.Run ? await DecideOverlapAsync(job, cancellationToken).ConfigureAwait(false) : OverlapDecision.Skip;
            if (overlap == OverlapDecision.Hold)
            {
                return RowOutcome.Held;
            }

            if (overlap == OverlapDecision.Skip)
            {
                await skipped.RecordAsync(job, row.DueUtc, misfire.Reason ?? "the previous run is still active (overlap policy Skip)", now, cancellationToken).ConfigureAwait(false);
                await advancer.AdvanceAsync(job, resumeAfter, null, now, cancellationToken).ConfigureAwait(false);
                sweep.ToRemove.Add(row);
                return RowOutcome.Skipped;
            }
        }

        var runId = RunIds.For(job.Id, row.DueUtc);
        var start = row.DueUtc > now ? row.DueUtc : now;
        // A run this process will run holds its slot under the short lease it renews; one that waits in the queue, under a long one.
        var renewed = runOptions.SlotLease is not null && launcher.LaunchesInProcess;
        var lease = start + (renewed ? runOptions.SlotLease!.Value : job.Definition.Timeout + options.LeaseGrace);
        var slot = await allocator.AcquireAsync(sweep.Lane(row.Lane), runId, lease, renewed, cancellationToken).ConfigureAwait(false);
        if (slot is null)
        {
            return RowOutcome.Throttled;
        }

        var run = NewRun(job, row, runId, new SlotHold(slot.Lane, slot.Number, slot.ETag), now);
        var inserted = await runs.InsertAsync(run, cancellationToken).ConfigureAwait(false);
        if (inserted.Outcome == WriteOutcome.Conflict && !await IsOurOwnInsertAsync(run, cancellationToken).ConfigureAwait(false))
        {
            await allocator.ReleaseAsync(run.Slot!, runId, cancellationToken).ConfigureAwait(false);
            if (!manual && job.ScheduleVersion == row.ScheduleVersion)
            {
                // The sweep that dispatched it may have died before advancing the job.
                await advancer.AdvanceAsync(job, resumeAfter, runId, now, cancellationToken).ConfigureAwait(false);
            }

            sweep.ToRemove.Add(row);
            return RowOutcome.AlreadyDispatched;
        }

        events.StatusChanged(run, RunStatus.Queued, 0);
        // In process when the host can (no queue round trip, no poll); the run row holds the slot, whose lease recovers it after a crash.
        if (inserted.ETag is null || !launcher.TryLaunch(run with { ETag = inserted.ETag }))
        {
            if (renewed)
            {
                // Nobody here renews it: the queued run's long lease, so that the worker that takes the message may use the slot.
                await allocator.TakeAgainAsync(slot, runId, start + job.Definition.Timeout + options.LeaseGrace, cancellationToken).ConfigureAwait(false);
            }

            var delay = row.DueUtc > now ? row.DueUtc - now : TimeSpan.Zero;
            await sender.SendAsync(new RunMessage(job.Id, runId), delay, cancellationToken).ConfigureAwait(false);
        }

        SchedulerTelemetry.Dispatched.Add(1);
        if (!manual)
        {
            await advancer.AdvanceAsync(job, resumeAfter, runId, now, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await advancer.RecordManualAsync(job, runId, now, cancellationToken).ConfigureAwait(false);
        }

        sweep.ToRemove.Add(row);
        return RowOutcome.Dispatched;
    }

    /// <summary>Rows are written before their job (create, update, the sweep's own advance). A row newer than its job, or
    /// whose job does not exist yet, may belong to a write still in progress: keep it for <see cref="SweepOptions.PendingGrace"/>
    /// after it was written; past that, the write failed and the row is stale.</summary>
    private bool IsAheadOfItsJob(DueEntry row, Job? job, bool manual, DateTimeOffset now)
    {
        var ahead = job is null ? !manual : !manual && row.ScheduleVersion > job.ScheduleVersion;
        return ahead && row.WrittenUtc is { } written && now - written < options.PendingGrace;
    }

    /// <summary>A storage retry after a timeout can answer 409 to an insert that did land: then the row is ours (same slot, same sweep instant).</summary>
    private async Task<bool> IsOurOwnInsertAsync(Run run, CancellationToken cancellationToken)
    {
        var stored = await runs.GetAsync(run.JobId, run.RunId, cancellationToken).ConfigureAwait(false);
        return stored is { Status: RunStatus.Queued } && stored.Slot == run.Slot && stored.CreatedUtc == run.CreatedUtc;
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

    private static Run NewRun(Job job, DueEntry row, string runId, SlotHold slot, DateTimeOffset now) => new()
    {
        JobId = job.Id,
        RunId = runId,
        DueUtc = row.DueUtc,
        Trigger = row.Kind == RunTriggerKind.Manual ? RunTrigger.Manual : RunTrigger.Schedule,
        Definition = job.Definition,
        CreatedUtc = now,
        Slot = slot,
    };
}
