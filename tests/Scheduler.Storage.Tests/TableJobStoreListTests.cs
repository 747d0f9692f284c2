using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Storage.Tables;
using Scheduler.Testing;

namespace Scheduler.Storage.Tests;

public sealed class TableJobStoreListTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private TableJobStore Store => new(Clients);

    [Fact]
    public async Task ListAsync_SmallLimit_PagesThroughEveryMatchOnce()
    {
        await InsertAsync([.. Enumerable.Range(0, 8).Select(i => Samples.Job($"job-{i:D2}", tags: i % 2 == 0 ? "even" : "odd"))]);
        var seen = new List<string>();
        var query = new JobQuery { Tag = "even", Limit = 3 };
        var pages = 0;

        do
        {
            var page = await Store.ListAsync(query, Ct);
            seen.AddRange(page.Items.Select(j => j.Id));
            query = query with { Continuation = page.Continuation };
            pages++;
        }
        while (query.Continuation is not null);

        Assert.Equal(["job-00", "job-02", "job-04", "job-06"], seen);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task ListAsync_FewMatchesBeyondOneServicePage_ReadsOnUntilFound()
    {
        var jobs = Enumerable.Range(0, 1010).Select(i => Samples.Job($"bulk-{i:D4}", tags: i >= 1005 ? "needle" : "hay")).ToArray();
        await InsertAsync(jobs);

        var page = await Store.ListAsync(new JobQuery { Tag = "needle", Limit = 10 }, Ct);

        Assert.Equal(Enumerable.Range(1005, 5).Select(i => $"bulk-{i:D4}"), page.Items.Select(j => j.Id));
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task ListAsync_InvalidContinuation_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListAsync(new JobQuery { Continuation = "not base64 !" }, Ct));
    }

    private async Task<string[]> IdsAsync(JobQuery query) =>
        [.. (await Store.ListAsync(query, Ct)).Items.Select(j => j.Id)];

    private async Task InsertAsync(params Job[] jobs)
    {
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(jobs.Select(async job =>
        {
            await gate.WaitAsync(Ct);
            try
            {
                Assert.True((await Store.InsertAsync(job, Ct)).Done);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
