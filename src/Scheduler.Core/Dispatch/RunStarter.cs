using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;
using Scheduler.Core.Workflow;

namespace Scheduler.Core.Dispatch;

/// <summary>Starts a dispatched occurrence: takes a slot, inserts the run and starts it, in process when the host can (a run due
/// already is stored as started), else by a queue message visible <see cref="SweepOptions.QueuedStartAhead"/> before due.</summary>
public sealed class RunStarter(IRunStore runs, IRunSender sender, IRunLauncher launcher, RunSlots slots, RunEvents events, SweepOptions options, TimeProvider time)
{
    /// <summary>Takes a slot, then inserts the run together with its job as the dispatch leaves it (<paramref name="jobAfter"/>,
    /// prepared once the slot is taken; written in the same atomic write, conditional on the job's ETag), and starts the run at
    /// <paramref name="now"/> (the sweep's instant) or its due time. Answers Dispatched (with the job as stored, when its new
    /// ETag is known), Throttled (no slot), AlreadyDispatched (another sweep's run) or JobChanged (the job changed since it was
    /// read: nothing written).</summary>
    internal async Task<(RowOutcome Outcome, Job? Stored)> StartAsync(
        Job job, DueEntry row, LaneSlots lane, DateTimeOffset now, Func<CancellationToken, Task<Job>> jobAfter, CancellationToken cancellationToken)
    {
        var runId = RunIds.For(job.Id, row.DueUtc);
        var start = row.DueUtc > now ? row.DueUtc : now;
        // A run this process will run holds its slot under the short lease it renews; one that waits in the queue, under a long one.
        var renewed = slots.RenewsLaunched(launcher.LaunchesInProcess);
        var slot = await slots.TakeForDispatchAsync(lane, runId, job.Definition.Timeout, start, launcher.LaunchesInProcess, cancellationToken).ConfigureAwait(false);
        if (slot is null)
        {
            return (RowOutcome.Throttled, null);
        }

        using var launch = launcher.TryReserve();
        var after = await jobAfter(cancellationToken).ConfigureAwait(false);
        var (stored, written) = await InsertAsync(NewRun(job, row, runId, slot, launch is not null && renewed, now), after, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            await slots.ReleaseAsync(slot, cancellationToken).ConfigureAwait(false);
            return (written.Outcome == WriteOutcome.Stale ? RowOutcome.JobChanged : RowOutcome.AlreadyDispatched, null);
        }

        var storedJob = written.JobETag is { } jobETag ? after with { ETag = jobETag } : null;

        if (stored.Status == RunStatus.Running)
        {
            events.FirstAttemptStarted(stored);
        }

        events.StatusChanged(stored, stored.Status, stored.InFlightAttempt ?? 0);
        SchedulerTelemetry.Dispatched.Add(1);
        if (launch is not null)
        {
            // In process: no queue round trip, no poll; the run row holds the slot, whose lease recovers it after a crash.
            launch.Start(stored);
            return (RowOutcome.Dispatched, storedJob);
        }

        if (renewed)
        {
            // Nobody here renews it: the queued run's long lease, so that the worker that takes the message may use the slot.
            await slots.HandToQueueAsync(slot, job.Definition.Timeout, start, cancellationToken).ConfigureAwait(false);
        }

        var visible = row.DueUtc - options.QueuedStartAhead;
        var delay = visible > now ? visible - now : TimeSpan.Zero;
        await sender.SendAsync(new RunMessage(job.Id, runId), delay, cancellationToken).ConfigureAwait(false);
        return (RowOutcome.Dispatched, storedJob);
    }

    /// <summary>The run as stored (ETag set) with the write's answer, or null when the run was not written by this dispatch (another
    /// sweep inserted it first, or the job changed). A storage retry after a timeout can answer 409 or 412 to a write that did land:
    /// then the row is ours (same slot, same sweep instant) and is read back; the job was written with it, its new ETag unknown.</summary>
    private async Task<(Run? Stored, RunWithJobWritten Written)> InsertAsync(Run run, Job job, CancellationToken cancellationToken)
    {
        var written = await runs.InsertWithJobAsync(run, job, cancellationToken).ConfigureAwait(false);
        if (written.Done && written.RunETag is not null)
        {
            return (run with { ETag = written.RunETag }, written);
        }

        var stored = await runs.GetAsync(run.JobId, run.RunId, cancellationToken).ConfigureAwait(false);
        var ours = stored is not null && stored.Status == run.Status && stored.Slot == run.Slot && stored.CreatedUtc == run.CreatedUtc;
        return ours ? (stored, new RunWithJobWritten(WriteOutcome.Done, stored!.ETag)) : (null, written);
    }

    /// <summary>A run launched in process on a slot it renews, due already, is stored as started (one write fewer than storing it
    /// queued and then marking it running); one due later, or sent through the queue, is stored queued.</summary>
    private Run NewRun(Job job, DueEntry row, string runId, Slot slot, bool launchedRenewing, DateTimeOffset sweptAt)
    {
        var hold = new SlotHold(slot.Lane, slot.Number, slot.ETag);
        var run = new Run
        {
            JobId = job.Id,
            RunId = runId,
            DueUtc = row.DueUtc,
            Trigger = row.Trigger,
            Inputs = RunParameters.Freeze(job.Definition, row.Inputs),
            Definition = job.Definition,
            Children = job.Children,
            CreatedUtc = sweptAt,
            Slot = hold,
        };
        var now = time.GetUtcNow();
        return launchedRenewing && now >= row.DueUtc ? run.Starting(1, hold, now) : run;
    }
}
