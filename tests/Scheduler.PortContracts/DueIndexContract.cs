using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using static Scheduler.PortContracts.ContractRows;

namespace Scheduler.PortContracts;

/// <summary>The contract of <see cref="IDueIndex"/>: adds are upserts stamped with their write time, reads go in bucket, due time,
/// then higher priority order up to a maximum, removes ignore rows already gone and keep a row written again since it was read.</summary>
public abstract class DueIndexContract : PortContract<IDueIndex>
{
    private static DueEntry Entry(string jobId, DateTimeOffset due, int priority, long version = 1, string lane = "default") =>
        new(DueBuckets.Of(due), jobId, due, priority, version, RunTrigger.Schedule, lane);

    [Fact]
    public async Task ReadAsync_BucketRange_InBucketThenDueThenHigherPriorityOrder_EveryFieldKept()
    {
        var index = await NewAsync();
        DueEntry[] entries =
        [
            Entry("late", T.AddMinutes(2), 5),
            Entry("low", T.AddSeconds(10), 1),
            Entry("high", T.AddSeconds(10), 9, version: 4, lane: "batch") with { Trigger = RunTrigger.Manual },
            Entry("first", T.AddSeconds(5), 0),
            Entry("next-minute", T.AddMinutes(1).AddSeconds(1), 5),
        ];
        foreach (var entry in entries)
        {
            await index.AddAsync(entry, Ct);
        }

        var read = await index.ReadAsync(DueBuckets.Of(T), DueBuckets.Of(T.AddMinutes(1)), 100, Ct);

        Assert.Equal(["first", "high", "low", "next-minute"], read.Select(e => e.JobId));
        Assert.Equal(entries[2], read[1] with { WrittenUtc = null, ETag = null });
        Assert.All(read, e => Assert.NotNull(e.WrittenUtc));
        Assert.All(read, e => Assert.NotNull(e.ETag));
    }

    [Fact]
    public async Task AddAsync_RowWithInputs_ReadKeepsThem_RowWithoutHasNone()
    {
        var index = await NewAsync();
        var inputs = new RunInputs
        {
            Parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = "eu" },
            Parent = new RunParent("extract", RunIds.For("extract", T), RunStatus.Failed),
        };
        await index.AddAsync(Entry("child", T, 5) with { Trigger = RunTrigger.Parent, Inputs = inputs }, Ct);
        await index.AddAsync(Entry("plain", T.AddSeconds(1), 5), Ct);

        var read = await index.ReadAsync(DueBuckets.Of(T), DueBuckets.Of(T), 10, Ct);

        Assert.Equal(RunTrigger.Parent, read[0].Trigger);
        Assert.Equal(inputs.Parent, read[0].Inputs?.Parent);
        Assert.Equal(inputs.Parameters, read[0].Inputs?.Parameters);
        Assert.Null(read[1].Inputs);
    }

    [Fact]
    public async Task ReadAsync_Max_StopsThere()
    {
        var index = await NewAsync();
        for (var i = 4; i >= 0; i--)
        {
            await index.AddAsync(Entry($"j{i}", T.AddSeconds(i), 5), Ct);
        }

        Assert.Equal(["j0", "j1", "j2"], (await index.ReadAsync(DueBuckets.Of(T), DueBuckets.Of(T), 3, Ct)).Select(e => e.JobId));
        Assert.Empty(await index.ReadAsync(DueBuckets.Of(T), DueBuckets.Of(T), 0, Ct));
    }

    [Fact]
    public async Task AddAsync_SameOccurrenceTwice_KeepsOneRowWithTheLatestWrite()
    {
        var index = await NewAsync();
        await index.AddAsync(Entry("same", T, 5, version: 1), Ct);
        await index.AddAsync(Entry("same", T, 5, version: 2) with { Trigger = RunTrigger.Manual }, Ct);

        var read = Assert.Single(await index.ReadAsync(DueBuckets.Of(T), DueBuckets.Of(T), 10, Ct));

        Assert.Equal((2L, RunTrigger.Manual), (read.ScheduleVersion, read.Trigger));
    }

    [Fact]
    public async Task RemoveAsync_SomeRowsMissing_RemovesTheOthersAndLeavesTheRest()
    {
        var index = await NewAsync();
        var present = Enumerable.Range(0, 4).Select(i => Entry($"present-{i}", T.AddSeconds(i), 5)).ToArray();
        var kept = Entry("kept", T.AddSeconds(1), 6);
        foreach (var entry in present.Append(kept))
        {
            await index.AddAsync(entry, Ct);
        }

        await index.RemoveAsync([.. present, Entry("missing", T, 5), Entry("elsewhere", T.AddMinutes(7), 5)], Ct);

        var left = await index.ReadAsync(DueBuckets.Of(T), DueBuckets.Of(T.AddMinutes(10)), 100, Ct);
        Assert.Equal([kept], left.Select(e => e with { WrittenUtc = null, ETag = null }));
    }

    [Fact]
    public async Task RemoveAsync_RowWrittenAgainSinceItWasRead_KeepsIt()
    {
        var index = await NewAsync();
        await index.AddAsync(Entry("rewritten", T, 5, version: 1), Ct);
        await index.AddAsync(Entry("gone", T, 5, version: 1), Ct);
        var read = await index.ReadAsync(DueBuckets.Of(T), DueBuckets.Of(T), 10, Ct);
        await index.AddAsync(Entry("rewritten", T, 5, version: 2), Ct);

        await index.RemoveAsync(read, Ct);

        var left = await index.ReadAsync(DueBuckets.Of(T), DueBuckets.Of(T), 10, Ct);
        Assert.Equal(2, Assert.Single(left).ScheduleVersion);
        await index.RemoveAsync(left, Ct);
        Assert.Empty(await index.ReadAsync(DueBuckets.Of(T), DueBuckets.Of(T), 10, Ct));
    }
}
