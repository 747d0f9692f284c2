using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Workflow;

/// <summary>Finds the slot an attempt runs on: the run's own, a new one, or none yet (wait). With
/// <see cref="RunOptions.SlotLease"/> set, the process that runs the attempt holds the slot under its own renewed lease, so
/// a slot still leased by another process means that process runs the run, and an expired one means it is gone.</summary>
public sealed class AttemptSlots(ISlotStore store, IConfigStore config, SlotAllocator allocator, TimeProvider time, RunOptions options, SweepOptions sweep)
{
    /// <summary>Whether processes renew the slots of the runs they run (the Server).</summary>
    public bool Leasing => options.SlotLease is not null;

    /// <summary>The slot to run on (null: wait <see cref="SlotClaim.Wait"/>). <paramref name="owned"/>: the caller holds the run's slot
    /// already (the sweep that dispatched the run launched it in this process).</summary>
    public async Task<SlotClaim> ClaimAsync(Run run, bool owned, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (run.Slot is not { } hold)
        {
            return await TakeNewAsync(run, now, cancellationToken).ConfigureAwait(false);
        }

        var recorded = new Slot(hold.Lane, hold.Number, run.RunId, null, hold.ETag) { Renewed = Leasing };
        if (!Leasing || owned)
        {
            return SlotClaim.Held(recorded);
        }

        // Unchanged since it was handed to the run (a queued run, or a process that died before its first renewal): take it over.
        var lease = now + options.SlotLease!.Value;
        if (await store.TryTakeAsync(recorded, run.RunId, lease, renewed: true, cancellationToken).ConfigureAwait(false) is { } taken)
        {
            return SlotClaim.Held(taken);
        }

        var current = await store.GetAsync(hold.Lane, hold.Number, cancellationToken).ConfigureAwait(false);
        if (current is null || current.RunId != run.RunId)
        {
            return await TakeNewAsync(run, now, cancellationToken).ConfigureAwait(false);
        }

        if (current.Renewed && current.IsHeld(now))
        {
            // A live process runs it (a duplicate message): ask again when its lease would have run out.
            return SlotClaim.HeldElsewhere(current.LeaseUntilUtc!.Value - now);
        }

        var takenOver = await store.TryTakeAsync(current, run.RunId, lease, renewed: true, cancellationToken).ConfigureAwait(false);
        return takenOver is null ? SlotClaim.HeldElsewhere(TimeSpan.Zero) : SlotClaim.Held(takenOver);
    }

    /// <summary>Extends the lease of a slot this process holds (null: another process took it over).</summary>
    public Task<Slot?> RenewAsync(Slot held, CancellationToken cancellationToken) =>
        store.TryTakeAsync(held, held.RunId!, time.GetUtcNow() + options.SlotLease!.Value, renewed: true, cancellationToken);

    /// <summary>Empties the slot if it still belongs to its run.</summary>
    public Task ReleaseAsync(Slot held, CancellationToken cancellationToken) =>
        allocator.ReleaseAsync(new SlotHold(held.Lane, held.Number, held.ETag), held.RunId!, cancellationToken);

    private async Task<SlotClaim> TakeNewAsync(Run run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = await config.GetAsync(cancellationToken).ConfigureAwait(false);
        if (settings.PauseAll)
        {
            return SlotClaim.NoneFree(options.SlotWait);
        }

        var lease = now + (options.SlotLease ?? run.Definition.Timeout + sweep.LeaseGrace);
        var slot = await allocator.AcquireAsync(run.Lane, settings.BudgetOf(run.Lane), run.RunId, lease, Leasing, cancellationToken).ConfigureAwait(false);
        return slot is null ? SlotClaim.NoneFree(options.SlotWait) : SlotClaim.Held(slot, taken: true);
    }
}
