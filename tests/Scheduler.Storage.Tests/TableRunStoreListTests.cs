using Scheduler.Storage.Tables;
using Scheduler.Testing;

namespace Scheduler.Storage.Tests;

public sealed class TableRunStoreListTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset Due = Samples.Epoch;

    private TableRunStore Store => new(Clients);

    [Fact]
    public async Task ListByJobAsync_RunsWithAttempts_NewestFirstAcrossPages()
    {
        for (var i = 0; i < 7; i++)
        {
            var run = Samples.Run("job", Due.AddMinutes(i));
            var inserted = await Store.InsertAsync(run, Ct);
            await Store.RecordAttemptAsync(run with { ETag = inserted.ETag, AttemptCount = 1 }, Samples.Attempt(run, 1), Ct);
        }

        await Store.InsertAsync(Samples.Run("job-other", Due.AddHours(1)), Ct);
        var seen = new List<DateTimeOffset>();
        string? continuation = null;
        var pages = 0;

        do
        {
            var page = await Store.ListByJobAsync("job", 3, continuation, Ct);
            Assert.InRange(page.Items.Count, 1, 3);
            seen.AddRange(page.Items.Select(r => r.DueUtc));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null);

        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => Due.AddMinutes(i)), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListByJobAsync_NoRuns_ReturnsEmptyPage()
    {
        var page = await Store.ListByJobAsync("nobody", 10, null, Ct);

        Assert.Empty(page.Items);
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task ListCreatedSinceAsync_AcrossJobs_ReturnsOnlyRunsCreatedSince()
    {
        var old = Samples.Run("a", Due) with { CreatedUtc = Due.AddHours(-2) };
        var recentA = Samples.Run("a", Due.AddMinutes(1)) with { CreatedUtc = Due };
        var recentB = Samples.Run("b", Due.AddMinutes(2)) with { CreatedUtc = Due.AddMinutes(1) };
        foreach (var run in new[] { old, recentA, recentB })
        {
            var inserted = await Store.InsertAsync(run, Ct);
            await Store.RecordAttemptAsync(run with { ETag = inserted.ETag }, Samples.Attempt(run, 1), Ct);
        }

        var since = await Store.ListCreatedSinceAsync(Due.AddHours(-1), Ct);

        Assert.Equal([recentA.RunId, recentB.RunId], since.Select(r => r.RunId).Order(StringComparer.Ordinal));
    }
}
