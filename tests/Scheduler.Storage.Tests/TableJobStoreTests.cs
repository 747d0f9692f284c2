using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Serialization;
using Scheduler.Storage.Tables;
using Scheduler.Testing;

namespace Scheduler.Storage.Tests;

public sealed class TableJobStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private TableJobStore Store => new(Clients);

    [Fact]
    public async Task InsertAsync_NewJob_RoundTripsEveryField()
    {
        var job = Samples.Job("job-1", JobStatus.Paused, "batch", "Nightly export", "etl", "eu") with { LastRunId = "job-1:0000000000000000001" };

        var written = await Store.InsertAsync(job, Ct);
        var read = await Store.GetAsync("job-1", Ct);

        Assert.True(written.Done);
        Assert.NotNull(written.ETag);
        Assert.NotNull(read);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(job with { ETag = read.ETag, Definition = read.Definition }, read);
        Assert.Equal(SchedulerJson.Serialize(job.Definition), SchedulerJson.Serialize(read.Definition));
        Assert.Equal(["etl", "eu"], read.Definition.Tags);
    }

    [Fact]
    public async Task InsertAsync_Twice_ReturnsConflict()
    {
        await Store.InsertAsync(Samples.Job("dup"), Ct);

        var second = await Store.InsertAsync(Samples.Job("dup"), Ct);

        Assert.Equal(WriteOutcome.Conflict, second.Outcome);
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ReturnsStaleAndKeepsTheWinner()
    {
        await Store.InsertAsync(Samples.Job("race"), Ct);
        var loaded = (await Store.GetAsync("race", Ct))!;
        var first = await Store.ReplaceAsync(loaded with { Occurrences = 10 }, Ct);

        var second = await Store.ReplaceAsync(loaded with { Occurrences = 20 }, Ct);

        Assert.True(first.Done);
        Assert.NotEqual(loaded.ETag, first.ETag);
        Assert.Equal(WriteOutcome.Stale, second.Outcome);
        Assert.Equal(10, (await Store.GetAsync("race", Ct))!.Occurrences);
    }

    [Fact]
    public async Task ReplaceAsync_MissingJob_ReturnsNotFound()
    {
        var written = await Store.ReplaceAsync(Samples.Job("ghost"), Ct);

        Assert.Equal(WriteOutcome.NotFound, written.Outcome);
    }

    [Fact]
    public async Task DeleteAsync_MissingJob_ReturnsNotFoundWithoutThrowing()
    {
        var written = await Store.DeleteAsync("ghost", null, Ct);

        Assert.Equal(WriteOutcome.NotFound, written.Outcome);
    }

    [Fact]
    public async Task DeleteAsync_StaleETagThenCurrent_StaleThenDone()
    {
        var inserted = await Store.InsertAsync(Samples.Job("del"), Ct);
        var replaced = await Store.ReplaceAsync(Samples.Job("del") with { ETag = inserted.ETag }, Ct);

        var stale = await Store.DeleteAsync("del", inserted.ETag, Ct);
        var current = await Store.DeleteAsync("del", replaced.ETag, Ct);

        Assert.Equal(WriteOutcome.Stale, stale.Outcome);
        Assert.True(current.Done);
        Assert.Null(await Store.GetAsync("del", Ct));
    }

    [Fact]
    public async Task GetAsync_MissingJob_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync("nobody", Ct));
    }
}
