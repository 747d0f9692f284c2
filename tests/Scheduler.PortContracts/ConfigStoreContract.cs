using Scheduler.Core.Config;
using Scheduler.Core.Ports;
using static Scheduler.PortContracts.ContractRows;

namespace Scheduler.PortContracts;

/// <summary>The contract of <see cref="IConfigStore"/>: defaults without an ETag until settings are put; a put without an ETag
/// writes, with one only while it matches; the sweep state defaults, then round-trips.</summary>
public abstract class ConfigStoreContract : PortContract<IConfigStore>
{
    [Fact]
    public async Task GetAsync_NothingStored_DefaultsWithoutETag()
    {
        var store = await NewAsync();

        var config = await store.GetAsync(Ct);

        Assert.Equal((SchedulerConfig.DefaultConcurrency, false, 0, null), (config.DefaultLaneConcurrency, config.PauseAll, config.Lanes.Count, config.ETag));
    }

    [Fact]
    public async Task PutAsync_WithoutETag_WritesAndRoundTrips()
    {
        var store = await NewAsync();
        var config = new SchedulerConfig { DefaultLaneConcurrency = 4, PauseAll = true, Lanes = new Dictionary<string, int> { ["batch"] = 2, ["Fast-Lane"] = 50 } };

        var first = await store.PutAsync(config, Ct);
        var second = await store.PutAsync(config with { DefaultLaneConcurrency = 5 }, Ct);
        var read = await store.GetAsync(Ct);

        Assert.True(first.Done);
        Assert.True(second.Done);
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal((5, true, second.ETag), (read.DefaultLaneConcurrency, read.PauseAll, read.ETag));
        Assert.Equal(config.Lanes, read.Lanes);
    }

    [Fact]
    public async Task PutAsync_OldETag_IsStaleAndKeepsTheWinner()
    {
        var store = await NewAsync();
        await store.PutAsync(new SchedulerConfig(), Ct);
        var loaded = await store.GetAsync(Ct);
        var winner = await store.PutAsync(loaded with { PauseAll = true }, Ct);

        var loser = await store.PutAsync(loaded with { DefaultLaneConcurrency = 1 }, Ct);

        Assert.True(winner.Done);
        Assert.Equal(WriteOutcome.Stale, loser.Outcome);
        var read = await store.GetAsync(Ct);
        Assert.Equal((true, SchedulerConfig.DefaultConcurrency, winner.ETag), (read.PauseAll, read.DefaultLaneConcurrency, read.ETag));
    }

    [Fact]
    public async Task PutAsync_AnETagWhenNothingIsStored_IsNotFoundAndWritesNothing()
    {
        var store = await NewAsync();

        var written = await store.PutAsync(new SchedulerConfig { PauseAll = true, ETag = "W/\"datetime'2030-01-01T09%3A00%3A00Z'\"" }, Ct);

        Assert.Equal(WriteOutcome.NotFound, written.Outcome);
        Assert.Null((await store.GetAsync(Ct)).ETag);
    }

    [Fact]
    public async Task SweepState_NothingStoredThenSet_DefaultsThenRoundTrips()
    {
        var store = await NewAsync();
        var initial = await store.GetSweepStateAsync(Ct);
        var state = new SweepState("203001010900", T.AddSeconds(5), 3);

        await store.SetSweepStateAsync(state, Ct);
        await store.SetSweepStateAsync(state with { LastThrottled = 4 }, Ct);

        Assert.Equal(new SweepState(null, null, 0), initial);
        Assert.Equal(state with { LastThrottled = 4 }, await store.GetSweepStateAsync(Ct));
    }
}
