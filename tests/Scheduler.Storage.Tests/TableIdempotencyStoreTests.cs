using Scheduler.Storage.Tables;

namespace Scheduler.Storage.Tests;

public sealed class TableIdempotencyStoreTests(Testing.AzuriteFixture azurite) : StorageTest(azurite)
{
    private TableIdempotencyStore Store => new(Clients);

    [Fact]
    public async Task ClaimAsync_Twice_SecondGetsTheFirstJobId()
    {
        var first = await Store.ClaimAsync("key-1", "job-a", Ct);
        var second = await Store.ClaimAsync("key-1", "job-b", Ct);

        Assert.Null(first);
        Assert.Equal("job-a", second);
    }

    [Fact]
    public async Task ClaimAsync_KeyWithCharactersTableKeysForbid_Works()
    {
        const string key = "a/b\\c#d?e\u0001" + "long";

        Assert.Null(await Store.ClaimAsync(key, "job-a", Ct));
        Assert.Equal("job-a", await Store.ClaimAsync(key, "job-c", Ct));
        Assert.Null(await Store.ClaimAsync(key + "x", "job-d", Ct));
    }
}
