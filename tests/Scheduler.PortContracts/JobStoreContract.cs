using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Serialization;
using static Scheduler.PortContracts.ContractRows;

namespace Scheduler.PortContracts;

/// <summary>The contract of <see cref="IJobStore"/>: Conflict on a second insert, Stale on an old ETag, NotFound when missing,
/// a null ETag unconditional; listings in id order, filtered, paged without repeat or gap.</summary>
public abstract class JobStoreContract : PortContract<IJobStore>
{
    [Fact]
    public async Task InsertAsync_NewJob_GetReturnsEveryFieldAndTheWrittenETag()
    {
        var store = await NewAsync();
        var job = Job("job-1", JobStatus.Paused, "batch", "Nightly export", "etl", "eu") with { LastRunId = "job-1:0000000000000000001", ManualRuns = 4 };

        var written = await store.InsertAsync(job, Ct);
        var read = await store.GetAsync("job-1", Ct);

        Assert.True(written.Done);
        Assert.NotNull(written.ETag);
        Assert.NotNull(read);
        Assert.Equal(job with { ETag = written.ETag, Definition = read.Definition }, read);
        Assert.Equal(SchedulerJson.Serialize(job.Definition), SchedulerJson.Serialize(read.Definition));
    }

    [Fact]
    public async Task ReplaceAsync_ChildrenAndParentArrivals_GetReturnsThem()
    {
        var store = await NewAsync();
        await store.InsertAsync(Job("fan-in"), Ct);
        var parentRun = new RunParent("a", RunIds.For("a", DateTimeOffset.UnixEpoch), RunStatus.Succeeded);
        var arrivals = ParentArrivals.None.Arrive(parentRun, DateTimeOffset.UnixEpoch, ["a", "b"]);
        var loaded = (await store.GetAsync("fan-in", Ct))!;

        await store.ReplaceAsync(loaded with { Children = ["c", "d"], Arrivals = arrivals }, Ct);
        var read = (await store.GetAsync("fan-in", Ct))!;

        Assert.Equal(["c", "d"], read.Children);
        Assert.Equal(parentRun, read.Arrivals.Arrived["a"]);
        Assert.Equal(parentRun.RunId, read.Arrivals.Counted["a"]);
        Assert.Empty(read.Arrivals.Starting);
        Assert.Equal((true, 0), (loaded.Arrivals.IsEmpty, loaded.Children.Count));
    }

    [Fact]
    public async Task InsertAsync_Twice_SecondIsConflictAndKeepsTheFirst()
    {
        var store = await NewAsync();

        var first = await store.InsertAsync(Job("dup") with { Occurrences = 1 }, Ct);
        var second = await store.InsertAsync(Job("dup") with { Occurrences = 2 }, Ct);

        Assert.Equal(WriteOutcome.Done, first.Outcome);
        Assert.Equal(WriteOutcome.Conflict, second.Outcome);
        Assert.Equal((1, first.ETag), ((await store.GetAsync("dup", Ct))!.Occurrences, (await store.GetAsync("dup", Ct))!.ETag));
    }

    [Fact]
    public async Task ReplaceAsync_OldETag_IsStaleAndKeepsTheWinner()
    {
        var store = await NewAsync();
        await store.InsertAsync(Job("race"), Ct);
        var loaded = (await store.GetAsync("race", Ct))!;
        var winner = await store.ReplaceAsync(loaded with { Occurrences = 10 }, Ct);

        var loser = await store.ReplaceAsync(loaded with { Occurrences = 20 }, Ct);

        Assert.True(winner.Done);
        Assert.NotEqual(loaded.ETag, winner.ETag);
        Assert.Equal(WriteOutcome.Stale, loser.Outcome);
        Assert.Equal((10, winner.ETag), ((await store.GetAsync("race", Ct))!.Occurrences, (await store.GetAsync("race", Ct))!.ETag));
    }

    [Fact]
    public async Task ReplaceAsync_WithoutETag_ReplacesWhateverIsStored()
    {
        var store = await NewAsync();
        var inserted = await store.InsertAsync(Job("force"), Ct);

        var replaced = await store.ReplaceAsync(Job("force") with { Occurrences = 7, ETag = null }, Ct);

        Assert.True(replaced.Done);
        Assert.NotEqual(inserted.ETag, replaced.ETag);
        Assert.Equal(7, (await store.GetAsync("force", Ct))!.Occurrences);
    }

    [Fact]
    public async Task ReplaceOrDeleteOrGet_MissingJob_IsNotFoundOrNull()
    {
        var store = await NewAsync();

        Assert.Equal(WriteOutcome.NotFound, (await store.ReplaceAsync(Job("ghost"), Ct)).Outcome);
        Assert.Equal(WriteOutcome.NotFound, (await store.DeleteAsync("ghost", null, Ct)).Outcome);
        Assert.Null(await store.GetAsync("ghost", Ct));
    }

    [Fact]
    public async Task DeleteAsync_OldETagThenCurrent_StaleThenDoneAndGone()
    {
        var store = await NewAsync();
        var inserted = await store.InsertAsync(Job("del"), Ct);
        var replaced = await store.ReplaceAsync(Job("del") with { ETag = inserted.ETag }, Ct);

        var stale = await store.DeleteAsync("del", inserted.ETag, Ct);
        var current = await store.DeleteAsync("del", replaced.ETag, Ct);

        Assert.Equal(WriteOutcome.Stale, stale.Outcome);
        Assert.True(current.Done);
        Assert.Null(await store.GetAsync("del", Ct));
    }

    [Fact]
    public async Task ListAsync_Filters_MatchStatusLaneTagAnyCaseAndTextInIdOrName()
    {
        var store = await NewAsync();
        await store.InsertAsync(Job("a-report", JobStatus.Active, "batch", "Nightly Export", "ETL", "eu"), Ct);
        await store.InsertAsync(Job("b-export-job", JobStatus.Paused, "batch", null, "etl"), Ct);
        await store.InsertAsync(Job("c-other", JobStatus.Active, "fast", "Other", "us"), Ct);

        async Task<string[]> Ids(JobQuery query) => [.. (await store.ListAsync(query, Ct)).Items.Select(j => j.Id)];

        Assert.Equal(["a-report", "c-other"], await Ids(new JobQuery { Status = JobStatus.Active }));
        Assert.Equal(["a-report", "b-export-job"], await Ids(new JobQuery { Lane = "batch" }));
        Assert.Equal(["a-report", "b-export-job"], await Ids(new JobQuery { Tag = "etl" }));
        Assert.Equal(["a-report", "b-export-job"], await Ids(new JobQuery { Text = "EXPORT" }));
        Assert.Equal(["b-export-job"], await Ids(new JobQuery { Tag = "etl", Status = JobStatus.Paused }));
        Assert.Empty(await Ids(new JobQuery { Tag = "e" }));
    }

    [Fact]
    public async Task ListAsync_Pages_InIdOrderWithoutRepeatOrGap()
    {
        var store = await NewAsync();
        foreach (var id in new[] { "j3", "j1", "j5", "j2", "j4" })
        {
            await store.InsertAsync(Job(id), Ct);
        }

        var first = await store.ListAsync(new JobQuery { Limit = 2 }, Ct);
        var second = await store.ListAsync(new JobQuery { Limit = 2, Continuation = first.Continuation }, Ct);
        var last = await store.ListAsync(new JobQuery { Limit = 2, Continuation = second.Continuation }, Ct);

        Assert.Equal(["j1", "j2"], first.Items.Select(j => j.Id));
        Assert.Equal(["j3", "j4"], second.Items.Select(j => j.Id));
        Assert.Equal(["j5"], last.Items.Select(j => j.Id));
        Assert.NotNull(second.Continuation);
        Assert.Null(last.Continuation);
    }
}
