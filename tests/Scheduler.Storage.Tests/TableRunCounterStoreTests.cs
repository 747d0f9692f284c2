using Scheduler.Core.Runs;
using Scheduler.Core.Stats;
using Scheduler.Storage.Tables;
using Scheduler.Testing;

namespace Scheduler.Storage.Tests;

/// <summary>The per-minute run counters: adds from two hosts at once lose nothing; reads cover the window, across midnight.</summary>
public sealed class TableRunCounterStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset Minute = new(2030, 3, 9, 23, 58, 0, TimeSpan.Zero);

    [Fact]
    public async Task AddAsync_TwoWritersAtOnce_LoseNoIncrement()
    {
        // Two stores stand for two hosts: each remembers the ETag of its own last write, so they keep invalidating each other.
        var hosts = new[] { new TableRunCounterStore(Clients), new TableRunCounterStore(Clients) };
        const int addsPerHost = 40;

        await Task.WhenAll(hosts.Select((store, h) => Task.Run(async () =>
        {
            for (var i = 0; i < addsPerHost; i++)
            {
                await store.AddAsync(Delta(Minute.AddSeconds(i % 60), RunStatus.Succeeded, latenessMs: h == 0 ? 40 : -3), Ct);
            }
        })));
        var read = Assert.Single(await new TableRunCounterStore(Clients).ReadAsync(Minute, Minute.AddMinutes(1), Ct));

        Assert.Equal(Minute, read.Minute);
        Assert.Equal(2 * addsPerHost, read.FinishedWith(RunStatus.Succeeded));
        Assert.Equal(2 * addsPerHost, read.Started);
        Assert.Equal(addsPerHost, read.Lateness[LatenessBuckets.IndexOf(40)]);
        Assert.Equal(addsPerHost, read.Early);
    }

    [Fact]
    public async Task AddAsync_SameHostAgain_AddsToWhatItWrote()
    {
        var store = new TableRunCounterStore(Clients);

        await store.AddAsync(Delta(Minute, RunStatus.Failed, latenessMs: 1_200), Ct);
        await new TableRunCounterStore(Clients).AddAsync(Delta(Minute, RunStatus.Canceled, latenessMs: null), Ct);
        await store.AddAsync(Delta(Minute, RunStatus.Failed, latenessMs: 1_200), Ct);
        var read = Assert.Single(await store.ReadAsync(Minute, Minute.AddMinutes(1), Ct));

        Assert.Equal((2L, 1L, 0L), (read.FinishedWith(RunStatus.Failed), read.FinishedWith(RunStatus.Canceled), read.FinishedWith(RunStatus.Succeeded)));
        Assert.Equal(2, read.Lateness[LatenessBuckets.IndexOf(1_200)]);
    }

    [Fact]
    public async Task ReadAsync_WindowAcrossMidnight_ReturnsItsMinutesOldestFirst()
    {
        var store = new TableRunCounterStore(Clients);
        foreach (var minute in new[] { -3, -2, 0, 1, 2, 3, 5 }.Select(m => Minute.AddMinutes(m)))
        {
            await store.AddAsync(Delta(minute, RunStatus.Succeeded, latenessMs: 5), Ct);
        }

        // [23:56:30, 00:02:30): the minute that holds the start counts, the minute that holds the end too.
        var read = await store.ReadAsync(Minute.AddMinutes(-2).AddSeconds(30), Minute.AddMinutes(4).AddSeconds(30), Ct);

        Assert.Equal(new[] { -2, 0, 1, 2, 3 }.Select(m => Minute.AddMinutes(m)), read.Select(r => r.Minute));
        Assert.Equal("20300310", RunCountRows.PartitionOf(Minute.AddMinutes(2)));
    }

    private static RunCounts Delta(DateTimeOffset at, RunStatus status, double? latenessMs)
    {
        var lateness = new long[LatenessBuckets.Count];
        if (latenessMs is { } ms)
        {
            lateness[LatenessBuckets.IndexOf(ms)] = 1;
        }

        return new RunCounts { Minute = at, Finished = new Dictionary<RunStatus, long> { [status] = 1 }, Lateness = lateness };
    }
}
