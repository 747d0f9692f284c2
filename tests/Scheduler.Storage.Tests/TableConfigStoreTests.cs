using Scheduler.Core.Config;
using Scheduler.Core.Ports;
using Scheduler.Storage.Tables;
using Scheduler.Testing;

namespace Scheduler.Storage.Tests;

public sealed class TableConfigStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private TableConfigStore Store => new(Clients);

    [Fact]
    public async Task GetAsync_NothingStored_ReturnsDefaultsWithoutETag()
    {
        var config = await Store.GetAsync(Ct);

        Assert.Equal((SchedulerConfig.DefaultConcurrency, false, 0, null), (config.DefaultLaneConcurrency, config.PauseAll, config.Lanes.Count, config.ETag));
    }

    [Fact]
    public async Task PutAsync_WithoutETag_WritesAndRoundTrips()
    {
        var config = new SchedulerConfig { DefaultLaneConcurrency = 4, PauseAll = true, Lanes = new Dictionary<string, int> { ["batch"] = 2, ["Fast-Lane"] = 50 } };

        var first = await Store.PutAsync(config, Ct);
        var second = await Store.PutAsync(config with { DefaultLaneConcurrency = 5 }, Ct);
        var read = await Store.GetAsync(Ct);

        Assert.True(first.Done);
        Assert.True(second.Done);
        Assert.Equal((5, true, second.ETag), (read.DefaultLaneConcurrency, read.PauseAll, read.ETag));
        Assert.Equal(config.Lanes, read.Lanes);
        Assert.Equal(50, read.BudgetOf("Fast-Lane"));
    }

    [Fact]
    public async Task PutAsync_StaleETag_ReturnsStaleAndKeepsTheWinner()
    {
        await Store.PutAsync(new SchedulerConfig(), Ct);
        var loaded = await Store.GetAsync(Ct);
        var winner = await Store.PutAsync(loaded with { PauseAll = true }, Ct);

        var loser = await Store.PutAsync(loaded with { DefaultLaneConcurrency = 1 }, Ct);

        Assert.True(winner.Done);
        Assert.Equal(WriteOutcome.Stale, loser.Outcome);
        Assert.Equal((true, SchedulerConfig.DefaultConcurrency), ((await Store.GetAsync(Ct)).PauseAll, (await Store.GetAsync(Ct)).DefaultLaneConcurrency));
    }

    [Fact]
    public async Task SweepState_NothingStoredThenSet_DefaultsThenRoundTrips()
    {
        var initial = await Store.GetSweepStateAsync(Ct);
        var state = new SweepState("203001010900", Samples.Epoch.AddSeconds(5), 3);

        await Store.SetSweepStateAsync(state, Ct);
        await Store.SetSweepStateAsync(state with { LastThrottled = 4 }, Ct);

        Assert.Equal(new SweepState(null, null, 0), initial);
        Assert.Equal(state with { LastThrottled = 4 }, await Store.GetSweepStateAsync(Ct));
    }
}
