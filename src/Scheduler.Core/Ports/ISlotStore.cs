using Scheduler.Core.Dispatch;

namespace Scheduler.Core.Ports;

/// <summary>The slots table: the concurrency budget, one row per slot of a lane.</summary>
public interface ISlotStore
{
    /// <summary>The lane's slot rows that exist (missing numbers are free).</summary>
    Task<IReadOnlyList<Slot>> ReadLaneAsync(string lane, CancellationToken cancellationToken);
    Task<Slot?> GetAsync(string lane, int number, CancellationToken cancellationToken);
    /// <summary>Takes <paramref name="current"/> (ETag-conditional; inserts when it has no ETag) for a run; null when someone else moved first.</summary>
    Task<Slot?> TryTakeAsync(Slot current, string runId, DateTimeOffset leaseUntilUtc, CancellationToken cancellationToken) =>
        TryTakeAsync(current, runId, leaseUntilUtc, renewed: false, cancellationToken);
    /// <summary>As above; <paramref name="renewed"/> marks a lease that its process renews while it runs the run (<see cref="Slot.Renewed"/>).</summary>
    Task<Slot?> TryTakeAsync(Slot current, string runId, DateTimeOffset leaseUntilUtc, bool renewed, CancellationToken cancellationToken);
    /// <summary>Empties the slot if its ETag still matches.</summary>
    Task<Written> ClearAsync(Slot current, CancellationToken cancellationToken);
}
