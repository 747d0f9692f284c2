using Scheduler.Core.Dispatch;
using Scheduler.Core.Runs;
using Scheduler.Storage.Tables;
using Scheduler.Testing;

namespace Scheduler.Storage.Tests;

public sealed class TableDueIndexTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset Now = Samples.Epoch;

    private TableDueIndex Index => new(Clients);

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
        new(DueBuckets.For(due, Now), jobId, due, priority, version, RunTrigger.Schedule, lane);
}
