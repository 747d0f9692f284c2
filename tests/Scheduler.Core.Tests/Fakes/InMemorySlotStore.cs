using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>The slots table in memory. Taking a slot without an ETag inserts its row (null if the row exists);
/// with an ETag it replaces the row only if the ETag still matches. Clearing keeps the row, emptied, under a new ETag.</summary>
public sealed class InMemorySlotStore : InMemoryStore, ISlotStore
{
    private readonly Dictionary<(string Lane, int Number), Slot> slots = [];
    private readonly ETags etags = new();

    public IReadOnlyList<Slot> Lane(string lane) =>
        Locked(() => slots.Values.Where(s => s.Lane == lane).OrderBy(s => s.Number).ToList());

    /// <summary>The slots of a lane that name a run, whatever their lease.</summary>
    public IReadOnlyList<Slot> Taken(string lane) => Lane(lane).Where(s => s.RunId is not null).ToList();

    /// <summary>Writes a slot row as is (test setup), returning it with its new ETag.</summary>
    public Slot Seed(string lane, int number, string? runId, DateTimeOffset? leaseUntilUtc) => Locked(() =>
    {
        var slot = new Slot(lane, number, runId, leaseUntilUtc, etags.Next());
        slots[(lane, number)] = slot;
        return slot;
    });

    public Task<IReadOnlyList<Slot>> ReadLaneAsync(string lane, CancellationToken cancellationToken) =>
        Call<IReadOnlyList<Slot>>(() => slots.Values.Where(s => s.Lane == lane).OrderBy(s => s.Number).ToList());

    public Task<Slot?> GetAsync(string lane, int number, CancellationToken cancellationToken) => Call(() => slots.GetValueOrDefault((lane, number)));

    public Task<Slot?> TryTakeAsync(Slot current, string runId, DateTimeOffset leaseUntilUtc, CancellationToken cancellationToken) =>
        TryTakeAsync(current, runId, leaseUntilUtc, renewed: false, cancellationToken);

    public Task<Slot?> TryTakeAsync(Slot current, string runId, DateTimeOffset leaseUntilUtc, bool renewed, CancellationToken cancellationToken) => Call(() =>
    {
        var exists = slots.TryGetValue((current.Lane, current.Number), out var stored);
        var allowed = current.ETag is null ? !exists : exists && stored!.ETag == current.ETag;
        if (!allowed)
        {
            return null;
        }

        var taken = new Slot(current.Lane, current.Number, runId, leaseUntilUtc, etags.Next()) { Renewed = renewed };
        slots[(current.Lane, current.Number)] = taken;
        return taken;
    });

    public Task<Written> ClearAsync(Slot current, CancellationToken cancellationToken) => Call(() =>
    {
        if (current.ETag is null || !slots.TryGetValue((current.Lane, current.Number), out var stored))
        {
            return Written.NotFound;
        }

        if (stored.ETag != current.ETag)
        {
            return Written.Stale;
        }

        var cleared = new Slot(current.Lane, current.Number, null, null, etags.Next());
        slots[(current.Lane, current.Number)] = cleared;
        return Written.Ok(cleared.ETag);
    });
}
