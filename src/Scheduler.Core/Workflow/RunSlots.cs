using Scheduler.Core.Dispatch;
using Scheduler.Core.FollowUps;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Workflow;

/// <summary>A run's slot from take to release: the one place that takes it (at dispatch, or for an attempt), decides its lease,
/// renews it, hands it to the queue and gives it back. With <see cref="RunOptions.SlotLease"/> set (the Server), whoever runs an
/// attempt holds a lease on it: a run in process renews its slot's short lease; a run from the queue holds its message's lease
/// (the slot keeps its long one). So an attempt found in flight belongs to a live process only while its slot is leased and
/// renewed by that process; otherwise its process is gone and the attempt runs again at once.</summary>
public sealed class RunSlots(ISlotStore store, IConfigStore config, SlotAllocator allocator, FollowUpRunner followUps, TimeProvider time, RunOptions options, SweepOptions sweep)
{
    /// <summary>Whether attempts are leased (the Server); unset, an attempt in flight is presumed alive for its timeout + grace.</summary>
    public bool Leasing => options.SlotLease is not null;

    /// <summary>Takes a slot of <paramref name="lane"/> for a run being dispatched, starting at <paramref name="start"/>:
    /// under the short lease its process renews when <paramref name="launched"/> here, else under the long lease of a queued run.</summary>
    internal Task<Slot?> TakeForDispatchAsync(LaneSlots lane, string runId, TimeSpan timeout, DateTimeOffset start, bool launched, CancellationToken cancellationToken)
    {
        var renewed = Leasing && launched;
        return allocator.AcquireAsync(lane, runId, start + LeaseFor(timeout, renewed), renewed, cancellationToken);
    }

    /// <summary>Whether a run launched in process holds its slot under a lease its process renews.</summary>
    internal bool RenewsLaunched(bool launched) => Leasing && launched;

    /// <summary>The slot to run on (null: wait <see cref="SlotClaim.Wait"/>), held the way <paramref name="tenure"/> says.</summary>
    public async Task<SlotClaim> ClaimAsync(Run run, SlotTenure tenure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(tenure);
        var now = time.GetUtcNow();
        var inProcess = tenure.RenewsLease;
        var renewed = Leasing && inProcess;
        if (run.Slot is not { } hold)
        {
            return await TakeNewAsync(run, now, renewed, cancellationToken).ConfigureAwait(false);
        }

        var recorded = new Slot(hold.Lane, hold.Number, run.RunId, null, hold.ETag) { Renewed = renewed };
        if (!Leasing || tenure.OwnsSlot || (run.InFlightAttempt is null && !inProcess && LeaseCovers(run, now)))
        {
            // Not started, and the queued run's long lease outlasts the attempt: the run row's ETag decides between two starters.
            return SlotClaim.Held(recorded);
        }

        return await TakeOverAsync(run, hold, recorded, renewed, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Extends the lease of a slot this process holds and renews (null: another process took it over).</summary>
    public Task<Slot?> RenewAsync(Slot held, CancellationToken cancellationToken) =>
        store.TryTakeAsync(held, held.RunId!, time.GetUtcNow() + options.SlotLease!.Value, renewed: true, cancellationToken);

    /// <summary>Gives a slot this process renewed to the queue (the long lease nobody renews), for a run handed to the queue.</summary>
    public async Task HandToQueueAsync(Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!Leasing || run.Slot is not { } hold
            || await store.GetAsync(hold.Lane, hold.Number, cancellationToken).ConfigureAwait(false) is not { Renewed: true } current
            || current.RunId != run.RunId)
        {
            return;
        }

        await store.TryTakeAsync(current, run.RunId, time.GetUtcNow() + LeaseFor(run.Definition.Timeout, renewed: false), renewed: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives a slot just taken at dispatch, under the lease its process renews, to the queue instead (the host declined to
    /// launch the run here): the long lease, so that the worker that takes the message may use it.</summary>
    internal Task HandToQueueAsync(Slot taken, TimeSpan timeout, DateTimeOffset start, CancellationToken cancellationToken) =>
        store.TryTakeAsync(taken, taken.RunId!, start + LeaseFor(timeout, renewed: false), renewed: false, cancellationToken);

    /// <summary>Empties the slot if it still belongs to its run.</summary>
    public Task ReleaseAsync(Slot held, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        return ReleaseAsync(new SlotHold(held.Lane, held.Number, held.ETag), held.RunId!, cancellationToken);
    }

    /// <summary>Empties the slot a run holds (as its row records it) if it still belongs to the run.</summary>
    public Task ReleaseAsync(SlotHold hold, string runId, CancellationToken cancellationToken) =>
        allocator.ReleaseAsync(hold, runId, cancellationToken);

    /// <summary>Gives back the slot of a run that has ended; a run whose follow-ups wait for another try keeps it, under a lease of
    /// <see cref="FollowUpRunner.RetryDelay"/> nobody renews: the sweep that repairs it then tries them again. The slot anchors
    /// the follow-ups, so that they outlive this process without a scan for them.</summary>
    public Task ReleaseAsync(SlotHold hold, Run ended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        ArgumentNullException.ThrowIfNull(ended);
        return ended.FollowUpsPending
            ? allocator.KeepAsync(hold, ended.RunId, time.GetUtcNow() + followUps.RetryDelay, cancellationToken)
            : allocator.ReleaseAsync(hold, ended.RunId, cancellationToken);
    }

    /// <summary>As <see cref="ReleaseAsync(SlotHold, Run, CancellationToken)"/>, for a slot this process holds; with no known run, released.</summary>
    public Task ReleaseAsync(Slot held, Run? ended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        var hold = new SlotHold(held.Lane, held.Number, held.ETag);
        return ended is null ? ReleaseAsync(hold, held.RunId!, cancellationToken) : ReleaseAsync(hold, ended, cancellationToken);
    }

    /// <summary>In flight (its process may be gone), or a queued run whose long lease may end before its attempt does: taken over
    /// unless a live process renews the slot. Unchanged since it was handed to the run, it is taken with one write; else read first.</summary>
    private async Task<SlotClaim> TakeOverAsync(Run run, SlotHold hold, Slot recorded, bool renewed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lease = now + LeaseFor(run.Definition.Timeout, renewed);
        if (await store.TryTakeAsync(recorded, run.RunId, lease, renewed, cancellationToken).ConfigureAwait(false) is { } taken)
        {
            return SlotClaim.Held(taken);
        }

        var current = await store.GetAsync(hold.Lane, hold.Number, cancellationToken).ConfigureAwait(false);
        if (current is null || current.RunId != run.RunId)
        {
            return await TakeNewAsync(run, now, renewed, cancellationToken).ConfigureAwait(false);
        }

        if (current.Renewed && current.IsHeld(now))
        {
            // A live process runs it (this is a duplicate message): ask again when its lease would have run out.
            return SlotClaim.HeldElsewhere(current.LeaseUntilUtc!.Value - now);
        }

        var takenOver = await store.TryTakeAsync(current, run.RunId, lease, renewed, cancellationToken).ConfigureAwait(false);
        return takenOver is null ? SlotClaim.HeldElsewhere(TimeSpan.Zero) : SlotClaim.Held(takenOver);
    }

    /// <summary>Whether the lease a queued run's slot got at dispatch (from max(due, dispatch) for timeout + LeaseGrace) outlasts an
    /// attempt started now: not for a run that waited in the queue nearly LeaseGrace, which a sweep would otherwise repair (and
    /// send again) while a live worker runs it.</summary>
    private bool LeaseCovers(Run run, DateTimeOffset now) =>
        now < (run.DueUtc > run.CreatedUtc ? run.DueUtc : run.CreatedUtc) + sweep.LeaseGrace - LeaseMargin;

    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);

    /// <summary>A slot's lease: the short one its process renews, or for a run that waits in the queue its timeout and a grace.</summary>
    private TimeSpan LeaseFor(TimeSpan timeout, bool renewed) => renewed ? options.SlotLease!.Value : timeout + sweep.LeaseGrace;

    private async Task<SlotClaim> TakeNewAsync(Run run, DateTimeOffset now, bool renewed, CancellationToken cancellationToken)
    {
        var settings = await config.GetAsync(cancellationToken).ConfigureAwait(false);
        if (settings.PauseAll)
        {
            return SlotClaim.NoneFree(options.SlotWait);
        }

        var slot = await allocator.AcquireAsync(run.Lane, settings.BudgetOf(run.Lane), run.RunId, now + LeaseFor(run.Definition.Timeout, renewed), renewed, cancellationToken).ConfigureAwait(false);
        return slot is null ? SlotClaim.NoneFree(options.SlotWait) : SlotClaim.Held(slot, taken: true);
    }
}
