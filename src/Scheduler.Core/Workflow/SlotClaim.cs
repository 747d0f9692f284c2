using Scheduler.Core.Dispatch;

namespace Scheduler.Core.Workflow;

/// <summary>What <see cref="RunSlots.ClaimAsync"/> found: a slot to run on (<see cref="Taken"/>: a new one, given back if the
/// run cannot be marked), or how long to wait (<see cref="Elsewhere"/>: another process runs the run).</summary>
public sealed record SlotClaim(Slot? Slot, TimeSpan Wait, bool Taken = false, bool Elsewhere = false)
{
    public static SlotClaim Held(Slot slot, bool taken = false) => new(slot, TimeSpan.Zero, taken);
    public static SlotClaim NoneFree(TimeSpan wait) => new(null, wait);
    public static SlotClaim HeldElsewhere(TimeSpan wait) => new(null, wait, Elsewhere: true);
}
