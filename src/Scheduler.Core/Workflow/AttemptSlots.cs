using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Workflow;

/// <summary>Finds the slot an attempt runs on: the run's own, a new one, or none yet (wait). With <see cref="RunOptions.SlotLease"/>
/// set (the Server), whoever runs an attempt holds a lease on it: a run in process renews its slot's short lease; a run from the
/// queue holds its message's lease (the slot keeps its long one). So an attempt found in flight belongs to a live process only
/// while its slot is leased and renewed by that process; otherwise its process is gone and the attempt runs again at once.</summary>
public sealed class AttemptSlots(ISlotStore store, IConfigStore config, SlotAllocator allocator, TimeProvider time, RunOptions options, SweepOptions sweep)
{
    /// <summary>Whether attempts are leased (the Server); unset, an attempt in flight is presumed alive for its timeout + grace.</summary>
    public bool Leasing => options.SlotLease is not null;

    /// <summary>The slot to run on (null: wait <see cref="SlotClaim.Wait"/>). <paramref name="inProcess"/>: the run has no queue
    /// message, so its slot's renewed lease is its only lease; <paramref name="owned"/>: the caller holds the run's slot already
    /// (the sweep that dispatched the run launched it here).</summary>
    public async Task<SlotClaim> ClaimAsync(Run run, bool inProcess, bool owned, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var renewed = Leasing && inProcess;
        if (run.Slot is not { } hold)
        {
            return await TakeNewAsync(run, now, renewed, cancellationToken).ConfigureAwait(false);
        }

        var recorded = new Slot(hold.Lane, hold.Number, run.RunId, null, hold.ETag) { Renewed = renewed };
        if (!Leasing || owned || (run.InFlightAttempt is null && !inProcess && LeaseCovers(run, now)))
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
        if (!Leasing || run.Slot is not { } hold
            || await store.GetAsync(hold.Lane, hold.Number, cancellationToken).ConfigureAwait(false) is not { Renewed: true } current
            || current.RunId != run.RunId)
        {
            return;
        }

        await store.TryTakeAsync(current, run.RunId, time.GetUtcNow() + LeaseFor(run, renewed: false), renewed: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Empties the slot if it still belongs to its run.</summary>
    public Task ReleaseAsync(Slot held, CancellationToken cancellationToken) =>
        allocator.ReleaseAsync(new SlotHold(held.Lane, held.Number, held.ETag), held.RunId!, cancellationToken);

    /// <summary>In flight (its process may be gone), or a queued run whose long lease may end before its attempt does: taken over
    /// unless a live process renews the slot. Unchanged since it was handed to the run, it is taken with one write; else read first.</summary>
    private async Task<SlotClaim> TakeOverAsync(Run run, SlotHold hold, Slot recorded, bool renewed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lease = now + LeaseFor(run, renewed);
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

    private TimeSpan LeaseFor(Run run, bool renewed) => renewed ? options.SlotLease!.Value : run.Definition.Timeout + sweep.LeaseGrace;

    private async Task<SlotClaim> TakeNewAsync(Run run, DateTimeOffset now, bool renewed, CancellationToken cancellationToken)
    {
        var settings = await config.GetAsync(cancellationToken).ConfigureAwait(false);
        if (settings.PauseAll)
        {
            return SlotClaim.NoneFree(options.SlotWait);
        }

        var slot = await allocator.AcquireAsync(run.Lane, settings.BudgetOf(run.Lane), run.RunId, now + LeaseFor(run, renewed), renewed, cancellationToken).ConfigureAwait(false);
        return slot is null ? SlotClaim.NoneFree(options.SlotWait) : SlotClaim.Held(slot, taken: true);
    }
}
