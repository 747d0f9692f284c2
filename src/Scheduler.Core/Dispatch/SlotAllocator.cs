using Microsoft.Extensions.Logging;
using Scheduler.Core.FollowUps;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Dispatch;

/// <summary>Takes and releases slots of the concurrency budget, and repairs slots whose lease ran out: an ended run's slot is the
/// anchor of its pending follow-ups, which the repair carries out before it frees the slot.</summary>
public sealed class SlotAllocator(
    ISlotStore slots, IRunStore runs, IRunSender sender, FollowUpRunner followUps, TimeProvider time, SweepOptions options, ILogger<SlotAllocator> logger)
{
    /// <summary>Takes a free slot of the lane for a run (used for retries, which gave their slot back while waiting).</summary>
    public async Task<Slot?> AcquireAsync(string lane, int budget, string runId, DateTimeOffset leaseUntilUtc, bool renewed, CancellationToken cancellationToken)
    {
        var laneSlots = await LoadAsync(lane, budget, cancellationToken).ConfigureAwait(false);
        return await AcquireAsync(laneSlots, runId, leaseUntilUtc, renewed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Empties the slot if it still belongs to the run.</summary>
    public async Task ReleaseAsync(SlotHold hold, string runId, CancellationToken cancellationToken)
    {
        var cleared = await slots.ClearAsync(new Slot(hold.Lane, hold.Number, runId, null, hold.ETag), cancellationToken).ConfigureAwait(false);
        if (cleared.Outcome == WriteOutcome.Stale
            && await slots.GetAsync(hold.Lane, hold.Number, cancellationToken).ConfigureAwait(false) is { } current
            && current.RunId == runId)
        {
            await slots.ClearAsync(current, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Keeps the slot for the run under a lease until <paramref name="leaseUntilUtc"/> that nobody renews, if it still belongs to the run.</summary>
    public async Task KeepAsync(SlotHold hold, string runId, DateTimeOffset leaseUntilUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        var kept = await slots.TryTakeAsync(new Slot(hold.Lane, hold.Number, runId, null, hold.ETag), runId, leaseUntilUtc, cancellationToken).ConfigureAwait(false);
        if (kept is null
            && await slots.GetAsync(hold.Lane, hold.Number, cancellationToken).ConfigureAwait(false) is { } current
            && current.RunId == runId)
        {
            await slots.TryTakeAsync(current, runId, leaseUntilUtc, cancellationToken).ConfigureAwait(false);
        }
    }

    internal async Task<LaneSlots> LoadAsync(string lane, int budget, CancellationToken cancellationToken) =>
        await LoadAsync(lane, budget, await ReadAsync(lane, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>The lane's stored slots, for a caller that reads them before it knows the lane's budget.</summary>
    internal Task<IReadOnlyList<Slot>> ReadAsync(string lane, CancellationToken cancellationToken) => slots.ReadLaneAsync(lane, cancellationToken);

    /// <summary>The lane's slots from rows read by <see cref="ReadAsync"/>, those whose lease ran out repaired.</summary>
    internal async Task<LaneSlots> LoadAsync(string lane, int budget, IReadOnlyList<Slot> rows, CancellationToken cancellationToken)
    {
        var laneSlots = new LaneSlots(lane, budget, rows);
        await RepairAsync(laneSlots, cancellationToken).ConfigureAwait(false);
        return laneSlots;
    }

    internal async Task<Slot?> AcquireAsync(LaneSlots lane, string runId, DateTimeOffset leaseUntilUtc, bool renewed, CancellationToken cancellationToken)
    {
        while (lane.Reserve() is { } candidate)
        {
            var taken = await slots.TryTakeAsync(candidate, runId, leaseUntilUtc, renewed, cancellationToken).ConfigureAwait(false);
            if (taken is not null)
            {
                lane.Settle(taken);
                return taken;
            }

            var fresh = await slots.GetAsync(candidate.Lane, candidate.Number, cancellationToken).ConfigureAwait(false);
            lane.Settle(fresh ?? candidate);
            if (fresh is null)
            {
                return null;
            }
        }

        return null;
    }

    private async Task RepairAsync(LaneSlots lane, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var slot in lane.Expired(now))
        {
            var runId = slot.RunId!;
            var run = await runs.GetAsync(RunIds.JobIdOf(runId), runId, cancellationToken).ConfigureAwait(false);
            var stillHolds = run is { Slot: { } hold } && !run.Status.IsTerminal() && hold.Lane == slot.Lane && hold.Number == slot.Number;
            if (run is { FollowUpsPending: true } && run.Status.IsTerminal()
                && (await followUps.CarryOutAsync(run, cancellationToken).ConfigureAwait(false)).FollowUpsPending)
            {
                // Its process died before the follow-ups were done, or one failed: keep the slot until their next try.
                lane.Settle(await slots.TryTakeAsync(slot, runId, time.GetUtcNow() + followUps.RetryDelay, cancellationToken).ConfigureAwait(false) ?? slot);
                continue;
            }

            if (!stillHolds)
            {
                if (run is not null && !run.Status.IsTerminal())
                {
                    // Unfinished but no longer holding it: a run launched in process may have stopped between its attempt's write
                    // and its resume message. A second message is always safe.
                    await sender.SendAsync(new RunMessage(run.JobId, runId), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                }

                var cleared = await slots.ClearAsync(slot, cancellationToken).ConfigureAwait(false);
                lane.Settle(cleared.Done ? slot with { RunId = null, LeaseUntilUtc = null, ETag = cleared.ETag } : slot);
                Log.SlotRepaired(logger, slot.Lane, slot.Number, runId);
                continue;
            }

            // The run still holds the slot long after its lease: its message may be lost. A second message is always safe.
            await sender.SendAsync(new RunMessage(run!.JobId, runId), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            var extended = await slots.TryTakeAsync(slot, runId, now + run.Definition.Timeout + options.LeaseGrace, cancellationToken).ConfigureAwait(false);
            lane.Settle(extended ?? slot);
            Log.RunReenqueued(logger, runId, slot.Lane, slot.Number);
        }
    }
}
