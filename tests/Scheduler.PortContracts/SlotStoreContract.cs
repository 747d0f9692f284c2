using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using static Scheduler.PortContracts.ContractRows;

namespace Scheduler.PortContracts;

/// <summary>The contract of <see cref="ISlotStore"/>: a take without an ETag inserts the row once, a take or clear with an ETag
/// succeeds only while it matches, a cleared row stays (emptied, under a new ETag).</summary>
public abstract class SlotStoreContract : PortContract<ISlotStore>
{
    private static readonly DateTimeOffset Lease = T.AddMinutes(1);

    private static Slot Fresh(string lane, int number) => new(lane, number, null, null, null);

    [Fact]
    public async Task TryTakeAsync_WithoutETag_InsertsOnceThenRefuses()
    {
        var store = await NewAsync();

        var first = await store.TryTakeAsync(Fresh("lane", 0), "a:1", Lease, Ct);
        var second = await store.TryTakeAsync(Fresh("lane", 0), "b:1", Lease, Ct);

        Assert.NotNull(first);
        Assert.NotNull(first.ETag);
        Assert.Null(second);
        Assert.Equal(first, await store.GetAsync("lane", 0, Ct));
    }

    [Fact]
    public async Task TryTakeAsync_TwoTakersOfOneStoredSlot_ExactlyOneWins()
    {
        var store = await NewAsync();
        var held = (await store.TryTakeAsync(Fresh("lane", 1), "run-0", Lease, Ct))!;

        var results = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => store.TryTakeAsync(held, $"run-{i}", Lease, Ct)));

        var winner = Assert.Single(results, r => r is not null)!;
        Assert.Equal(winner, await store.GetAsync("lane", 1, Ct));
        Assert.NotEqual(held.ETag, winner.ETag);
    }

    [Fact]
    public async Task TryTakeAsync_OldETagOrRowNeverStored_IsRefused()
    {
        var store = await NewAsync();
        var taken = (await store.TryTakeAsync(Fresh("lane", 2), "a:1", Lease, Ct))!;
        var extended = (await store.TryTakeAsync(taken, "a:1", Lease.AddMinutes(5), Ct))!;

        Assert.Null(await store.TryTakeAsync(taken, "b:1", Lease, Ct));
        Assert.Null(await store.TryTakeAsync(extended with { Number = 3 }, "b:1", Lease, Ct));
        Assert.Equal(extended, await store.GetAsync("lane", 2, Ct));
        Assert.Null(await store.GetAsync("lane", 3, Ct));
    }

    [Fact]
    public async Task TryTakeAsync_Renewed_IsReadBack_AndAPlainTakeOverClearsIt()
    {
        var store = await NewAsync();
        var renewed = (await store.TryTakeAsync(Fresh("lane", 4), "run-1", Lease, renewed: true, Ct))!;
        var read = (await store.GetAsync("lane", 4, Ct))!;

        var plain = (await store.TryTakeAsync(read, "run-1", Lease.AddMinutes(2), Ct))!;

        Assert.True(renewed.Renewed);
        Assert.Equal(renewed, read);
        Assert.False(plain.Renewed);
        Assert.Equal(plain, await store.GetAsync("lane", 4, Ct));
    }

    [Fact]
    public async Task ClearAsync_OldETagIsStale_CurrentEmptiesTheRow_NeverStoredIsNotFound()
    {
        var store = await NewAsync();
        var taken = (await store.TryTakeAsync(Fresh("lane", 5), "a:1", Lease, Ct))!;
        var extended = (await store.TryTakeAsync(taken, "a:1", Lease.AddMinutes(5), Ct))!;

        var stale = await store.ClearAsync(taken, Ct);
        var cleared = await store.ClearAsync(extended, Ct);

        Assert.Equal(WriteOutcome.Stale, stale.Outcome);
        Assert.True(cleared.Done);
        Assert.Equal(new Slot("lane", 5, null, null, cleared.ETag), await store.GetAsync("lane", 5, Ct));
        Assert.Equal(WriteOutcome.NotFound, (await store.ClearAsync(new Slot("lane", 7, "x:1", null, null), Ct)).Outcome);
        Assert.NotNull(await store.TryTakeAsync(new Slot("lane", 5, null, null, cleared.ETag), "b:1", Lease, Ct));
    }

    [Fact]
    public async Task ReadLaneAsync_SeveralLanes_ThatLanesRowsInNumberOrder()
    {
        var store = await NewAsync();
        await store.TryTakeAsync(Fresh("a", 11), "r11", Lease, Ct);
        await store.TryTakeAsync(Fresh("a", 2), "r2", Lease, Ct);
        await store.TryTakeAsync(Fresh("b", 0), "r0", Lease, Ct);

        var lane = await store.ReadLaneAsync("a", Ct);

        Assert.Equal([(2, "r2"), (11, "r11")], lane.Select(s => (s.Number, s.RunId)));
        Assert.All(lane, s => Assert.Equal(Lease, s.LeaseUntilUtc));
        Assert.Empty(await store.ReadLaneAsync("c", Ct));
    }
}
