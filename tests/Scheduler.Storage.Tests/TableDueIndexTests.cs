using Scheduler.Core.Dispatch;
using Scheduler.Storage.Tables;
using Scheduler.Testing;

namespace Scheduler.Storage.Tests;

public sealed class TableDueIndexTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset Now = Samples.Epoch;

    private TableDueIndex Index => new(Clients);

    [Fact]
    public async Task ReadAsync_BucketRange_ReturnsRowsInDueThenPriorityOrder()
    {
        DueEntry[] entries =
        [
            Entry("late", Now.AddMinutes(2), 5),
            Entry("low", Now.AddSeconds(10), 1),
            Entry("high", Now.AddSeconds(10), 9, lane: "batch") with { Kind = RunTriggerKind.Manual },
            Entry("first", Now.AddSeconds(5), 0),
            Entry("next-minute", Now.AddMinutes(1).AddSeconds(1), 5),
        ];
        foreach (var entry in entries)
        {
            await Index.AddAsync(entry, Ct);
        }

        var read = await Index.ReadAsync(DueBuckets.Of(Now), DueBuckets.Of(Now.AddMinutes(1)), 100, Ct);

        Assert.Equal(["first", "high", "low", "next-minute"], read.Select(e => e.JobId));
        Assert.Equal(entries[2], read[1] with { WrittenUtc = null, ETag = null });
        Assert.All(read, e => Assert.NotNull(e.WrittenUtc));
        Assert.All(read, e => Assert.NotNull(e.ETag));
    }

    [Fact]
    public async Task RemoveAsync_RowWrittenAgainSinceItWasRead_KeepsIt()
    {
        await Index.AddAsync(Entry("rewritten", Now, 5, version: 1), Ct);
        await Index.AddAsync(Entry("gone", Now, 5, version: 1), Ct);
        var read = await Index.ReadAsync(DueBuckets.Of(Now), DueBuckets.Of(Now), 10, Ct);
        await Index.AddAsync(Entry("rewritten", Now, 5, version: 2), Ct);

        await Index.RemoveAsync(read, Ct);

        var left = await Index.ReadAsync(DueBuckets.Of(Now), DueBuckets.Of(Now), 10, Ct);
        Assert.Equal(2, Assert.Single(left, e => e.JobId == "rewritten").ScheduleVersion);
        Assert.DoesNotContain(left, e => e.JobId == "gone");
        await Index.RemoveAsync(left, Ct);
        Assert.Empty(await Index.ReadAsync(DueBuckets.Of(Now), DueBuckets.Of(Now), 10, Ct));
    }

    [Fact]
    public async Task ReadAsync_Max_StopsThere()
    {
        for (var i = 0; i < 5; i++)
        {
            await Index.AddAsync(Entry($"j{i}", Now.AddSeconds(i), 5), Ct);
        }

        var read = await Index.ReadAsync(DueBuckets.Of(Now), DueBuckets.Of(Now), 3, Ct);

        Assert.Equal(["j0", "j1", "j2"], read.Select(e => e.JobId));
    }

    [Fact]
    public async Task AddAsync_SameOccurrenceTwice_KeepsOneRowWithTheLatestVersion()
    {
        await Index.AddAsync(Entry("same", Now, 5, version: 1), Ct);
        await Index.AddAsync(Entry("same", Now, 5, version: 2), Ct);

        var read = await Index.ReadAsync(DueBuckets.Of(Now), DueBuckets.Of(Now), 10, Ct);

        Assert.Equal(2, Assert.Single(read).ScheduleVersion);
    }

    [Fact]
    public async Task RemoveAsync_MoreThanOneBatchInOnePartition_RemovesAll()
    {
        var entries = Enumerable.Range(0, 230).Select(i => Entry($"job-{i:D3}", Now.AddMilliseconds(i * 100), i % 10)).ToArray();
        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct },
            async (entry, ct) => await Index.AddAsync(entry, ct));
        var other = Entry("other-bucket", Now.AddMinutes(1), 5);
        await Index.AddAsync(other, Ct);

        await Index.RemoveAsync(entries, Ct);

        var left = await Index.ReadAsync(DueBuckets.Of(Now), DueBuckets.Of(Now.AddMinutes(1)), 1000, Ct);
        Assert.Equal([other], left.Select(e => e with { WrittenUtc = null, ETag = null }));
    }

    [Fact]
    public async Task RemoveAsync_SomeRowsMissing_RemovesTheOthersWithoutThrowing()
    {
        var present = Enumerable.Range(0, 5).Select(i => Entry($"present-{i}", Now.AddSeconds(i), 5)).ToArray();
        foreach (var entry in present)
        {
            await Index.AddAsync(entry, Ct);
        }

        var missing = Enumerable.Range(0, 3).Select(i => Entry($"missing-{i}", Now.AddSeconds(i), 5));
        var otherBucketMissing = Entry("elsewhere", Now.AddMinutes(7), 5);

        var logger = new RecordingLogger<TableDueIndex>();

        await new TableDueIndex(Clients, logger).RemoveAsync([.. present, .. missing, otherBucketMissing], Ct);

        Assert.Equal(2, logger.Entries.Count(e => e.EventId.Id == 2010));
        Assert.Empty(await Index.ReadAsync(DueBuckets.Of(Now), DueBuckets.Of(Now.AddMinutes(10)), 100, Ct));
    }

    private static DueEntry Entry(string jobId, DateTimeOffset due, int priority, long version = 1, string lane = "default") =>
        new(DueBuckets.For(due, Now), jobId, due, priority, version, RunTriggerKind.Scheduled, lane);
}
