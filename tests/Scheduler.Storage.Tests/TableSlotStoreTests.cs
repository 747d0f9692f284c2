using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using Scheduler.Storage.Tables;
using Scheduler.Testing;

namespace Scheduler.Storage.Tests;

public sealed class TableSlotStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset Lease = Samples.Epoch.AddMinutes(1);

    private TableSlotStore Store => new(Clients);

    [Fact]
    public async Task TryTakeAsync_TwoTakersOnANewSlot_ExactlyOneWins()
    {
        var free = new Slot("lane", 0, null, null, null);

        var results = await Task.WhenAll(
            Store.TryTakeAsync(free, "run-a", Lease, Ct),
            Store.TryTakeAsync(free, "run-b", Lease, Ct));

        var winner = Assert.Single(results, r => r is not null)!;
        Assert.Equal(winner.RunId, (await Store.GetAsync("lane", 0, Ct))!.RunId);
    }

    [Fact]
    public async Task TryTakeAsync_ManySlotsOfALaneAtOnce_AllTaken_InFewerRequestsThanTakes()
    {
        var counter = new StorageRequestCounter();
        var store = new TableSlotStore(new StorageClients(Clients.Options, counter: counter));
        var free = await StoredFreeSlotsAsync(store, "burst", 20);
        counter.Reset();

        var taken = await Task.WhenAll(free.Select((slot, i) => store.TryTakeAsync(slot, $"run-{i}", Lease, Ct)));
        var requests = counter.Total;

        Assert.All(taken, Assert.NotNull);
        foreach (var slot in taken)
        {
            Assert.Equal(slot, await store.GetAsync("burst", slot!.Number, Ct));
        }

        // The first take goes alone; the others wait for it and go together.
        Assert.InRange(requests, 1, 5);
    }

    [Fact]
    public async Task TryTakeAsync_OneStaleTakeAmongMany_OnlyThatOneFails()
    {
        var store = Store;
        var free = await StoredFreeSlotsAsync(store, "stale", 10);
        var stale = free[5] with { ETag = (await store.TryTakeAsync(free[5], "other", Lease, Ct))!.ETag };
        await store.ClearAsync(stale, Ct);

        var taken = await Task.WhenAll(free.Select((slot, i) => store.TryTakeAsync(i == 5 ? stale : slot, $"run-{i}", Lease, Ct)));

        Assert.Null(taken[5]);
        Assert.All(taken.Where((_, i) => i != 5), t => Assert.NotNull(t));
        Assert.Null((await store.GetAsync("stale", 5, Ct))!.RunId);
        Assert.Equal("run-9", (await store.GetAsync("stale", 9, Ct))!.RunId);
    }

    [Fact]
    public async Task ClearAsync_ManyAtOnceWithOneStale_ClearsTheRest()
    {
        var store = Store;
        var free = await StoredFreeSlotsAsync(store, "clear", 8);
        var taken = (await Task.WhenAll(free.Select((slot, i) => store.TryTakeAsync(slot, $"run-{i}", Lease, Ct)))).Select(t => t!).ToArray();
        var retaken = (await store.TryTakeAsync(taken[3], "newer", Lease, Ct))!;

        var cleared = await Task.WhenAll(taken.Select(slot => store.ClearAsync(slot, Ct)));

        Assert.Equal(WriteOutcome.Stale, cleared[3].Outcome);
        Assert.All(cleared.Where((_, i) => i != 3), c => Assert.True(c.Done));
        Assert.Equal(retaken, await store.GetAsync("clear", 3, Ct));
    }

    private async Task<Slot[]> StoredFreeSlotsAsync(TableSlotStore store, string lane, int count)
    {
        var slots = new Slot[count];
        for (var i = 0; i < count; i++)
        {
            var taken = (await store.TryTakeAsync(new Slot(lane, i, null, null, null), "seed", Lease, Ct))!;
            var cleared = await store.ClearAsync(taken, Ct);
            slots[i] = taken with { RunId = null, LeaseUntilUtc = null, ETag = cleared.ETag };
        }

        return slots;
    }
}
