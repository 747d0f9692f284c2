using Scheduler.Core.Dispatch;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>The fakes honour the ports' contracts, or every engine test over them proves nothing.</summary>
public sealed class FakeContractTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset T = EngineHarness.Start;

    [Fact]
    public async Task JobStore_InsertTwice_SecondIsConflict()
    {
        var store = new InMemoryJobStore();
        var job = NewJob("a");

        var first = await store.InsertAsync(job, None);
        var second = await store.InsertAsync(job, None);

        Assert.Equal(WriteOutcome.Done, first.Outcome);
        Assert.NotNull(first.ETag);
        Assert.Equal(WriteOutcome.Conflict, second.Outcome);
    }

    [Fact]
    public async Task JobStore_ReplaceWithOldETag_IsStaleAndKeepsStoredJob()
    {
        var store = new InMemoryJobStore();
        var first = await store.InsertAsync(NewJob("a"), None);
        var stored = (await store.GetAsync("a", None))!;
        var second = await store.ReplaceAsync(stored with { Occurrences = 1 }, None);

        var stale = await store.ReplaceAsync(stored with { Occurrences = 99, ETag = first.ETag }, None);

        Assert.Equal(WriteOutcome.Done, second.Outcome);
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(WriteOutcome.Stale, stale.Outcome);
        Assert.Equal(1, (await store.GetAsync("a", None))!.Occurrences);
    }

    [Fact]
    public async Task JobStore_ReplaceOrDeleteMissing_IsNotFound()
    {
        var store = new InMemoryJobStore();

        Assert.Equal(WriteOutcome.NotFound, (await store.ReplaceAsync(NewJob("nope"), None)).Outcome);
        Assert.Equal(WriteOutcome.NotFound, (await store.DeleteAsync("nope", null, None)).Outcome);
    }

    [Fact]
    public async Task RunStore_RecordAttemptWithStaleETag_WritesNeitherRunNorAttempt()
    {
        var store = new InMemoryRunStore();
        var inserted = await store.InsertAsync(NewRun("a", T), None);
        var run = (await store.GetAsync("a", RunIds.For("a", T), None))!;
        await store.ReplaceAsync(run with { CancelRequested = true }, None);

        var written = await store.RecordAttemptAsync(run with { AttemptCount = 1, ETag = inserted.ETag }, Attempt(run, 1), None);

        Assert.Equal(WriteOutcome.Stale, written.Outcome);
        Assert.Empty(await store.ListAttemptsAsync("a", run.RunId, None));
        Assert.Equal(0, (await store.GetAsync("a", run.RunId, None))!.AttemptCount);
    }

    [Fact]
    public async Task RunStore_RecordSameAttemptTwice_SecondIsConflict()
    {
        var store = new InMemoryRunStore();
        await store.InsertAsync(NewRun("a", T), None);
        var run = (await store.GetAsync("a", RunIds.For("a", T), None))!;

        var first = await store.RecordAttemptAsync(run with { AttemptCount = 1 }, Attempt(run, 1), None);
        var second = await store.RecordAttemptAsync(run with { AttemptCount = 1, ETag = first.ETag }, Attempt(run, 1), None);

        Assert.Equal(WriteOutcome.Done, first.Outcome);
        Assert.Equal(WriteOutcome.Conflict, second.Outcome);
        Assert.Single(await store.ListAttemptsAsync("a", run.RunId, None));
    }

    [Fact]
    public async Task SlotStore_TakeWithoutETag_InsertsOnceThenRefuses()
    {
        var store = new InMemorySlotStore();
        var empty = new Slot("default", 0, null, null, null);

        var first = await store.TryTakeAsync(empty, "a:1", T.AddMinutes(1), None);
        var second = await store.TryTakeAsync(empty, "b:1", T.AddMinutes(1), None);

        Assert.NotNull(first);
        Assert.Equal("a:1", first.RunId);
        Assert.Null(second);
        Assert.Equal("a:1", (await store.GetAsync("default", 0, None))!.RunId);
    }

    [Fact]
    public async Task SlotStore_ClearWithOldETag_IsStaleAndKeepsHolder()
    {
        var store = new InMemorySlotStore();
        var taken = (await store.TryTakeAsync(new Slot("default", 0, null, null, null), "a:1", T.AddMinutes(1), None))!;
        var extended = (await store.TryTakeAsync(taken, "a:1", T.AddMinutes(5), None))!;

        var stale = await store.ClearAsync(taken, None);
        var cleared = await store.ClearAsync(extended, None);

        Assert.Equal(WriteOutcome.Stale, stale.Outcome);
        Assert.Equal(WriteOutcome.Done, cleared.Outcome);
        Assert.Null((await store.GetAsync("default", 0, None))!.RunId);
        Assert.Equal(WriteOutcome.NotFound, (await store.ClearAsync(new Slot("default", 7, "x:1", null, null), None)).Outcome);
    }

    [Fact]
    public async Task DueIndex_Read_OrdersByBucketThenDueThenHigherPriority()
    {
        var index = new InMemoryDueIndex();
        var bucket = DueBuckets.Of(T);
        await index.AddAsync(new DueEntry(DueBuckets.Of(T.AddMinutes(1)), "early-next-bucket", T.AddMinutes(1), 9, 1, RunTriggerKind.Scheduled), None);
        await index.AddAsync(new DueEntry(bucket, "low", T.AddSeconds(5), 1, 1, RunTriggerKind.Scheduled), None);
        await index.AddAsync(new DueEntry(bucket, "high", T.AddSeconds(5), 8, 1, RunTriggerKind.Scheduled), None);
        await index.AddAsync(new DueEntry(bucket, "first", T.AddSeconds(1), 0, 1, RunTriggerKind.Scheduled), None);

        var read = await index.ReadAsync(bucket, DueBuckets.Of(T.AddMinutes(1)), 10, None);
        var firstTwo = await index.ReadAsync(bucket, bucket, 2, None);

        Assert.Equal(["first", "high", "low", "early-next-bucket"], read.Select(r => r.JobId));
        Assert.Equal(["first", "high"], firstTwo.Select(r => r.JobId));
    }

    [Fact]
    public async Task ConfigStore_PutWithOldETag_IsStale()
    {
        var store = new InMemoryConfigStore();
        var first = await store.PutAsync(new Config.SchedulerConfig { DefaultLaneConcurrency = 4 }, None);
        await store.PutAsync((await store.GetAsync(None)) with { PauseAll = true }, None);

        var stale = await store.PutAsync(new Config.SchedulerConfig { DefaultLaneConcurrency = 1, ETag = first.ETag }, None);

        Assert.Equal(WriteOutcome.Stale, stale.Outcome);
        Assert.True((await store.GetAsync(None)).PauseAll);
    }

    private static Job NewJob(string id) => new() { Definition = TestJobs.Http(id, TestJobs.Once(T)), CreatedUtc = T };

    private static Run NewRun(string jobId, DateTimeOffset due) => new()
    {
        JobId = jobId,
        RunId = RunIds.For(jobId, due),
        DueUtc = due,
        Definition = TestJobs.Http(jobId, TestJobs.Once(due)),
    };

    private static AttemptRecord Attempt(Run run, int number) => new()
    {
        JobId = run.JobId,
        RunId = run.RunId,
        Number = number,
        StartedUtc = T,
        FinishedUtc = T,
        Result = AttemptResult.Success(),
    };
}
