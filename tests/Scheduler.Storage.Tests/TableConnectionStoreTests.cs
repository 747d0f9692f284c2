using Scheduler.Core.Connections;
using Scheduler.Core.Ports;
using Scheduler.Storage.Tables;
using Scheduler.Testing;

namespace Scheduler.Storage.Tests;

public sealed class TableConnectionStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private TableConnectionStore Store => new(Clients);

    [Fact]
    public async Task InsertAsync_ThenGetAndList_RoundTrips()
    {
        var profile = Profile("db-1") with { Port = 2222, ConnectTimeout = TimeSpan.FromSeconds(3.5), CommandTimeout = TimeSpan.FromHours(1) };

        var written = await Store.InsertAsync(profile, Ct);
        await Store.InsertAsync(Profile("db-2"), Ct);

        Assert.Equal(profile with { ETag = written.ETag }, await Store.GetAsync("db-1", Ct));
        Assert.Equal(["db-1", "db-2"], (await Store.ListAsync(Ct)).Select(p => p.Name));
    }

    [Fact]
    public async Task InsertAsync_Twice_ReturnsConflict()
    {
        await Store.InsertAsync(Profile("dup"), Ct);

        Assert.Equal(WriteOutcome.Conflict, (await Store.InsertAsync(Profile("dup"), Ct)).Outcome);
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ReturnsStale()
    {
        var inserted = await Store.InsertAsync(Profile("p"), Ct);
        await Store.ReplaceAsync(Profile("p") with { ETag = inserted.ETag, Host = "new.example.test" }, Ct);

        var stale = await Store.ReplaceAsync(Profile("p") with { ETag = inserted.ETag, Host = "old.example.test" }, Ct);

        Assert.Equal(WriteOutcome.Stale, stale.Outcome);
        Assert.Equal("new.example.test", (await Store.GetAsync("p", Ct))!.Host);
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_DoneThenNotFound()
    {
        var inserted = await Store.InsertAsync(Profile("gone"), Ct);

        var first = await Store.DeleteAsync("gone", inserted.ETag, Ct);
        var second = await Store.DeleteAsync("gone", null, Ct);

        Assert.True(first.Done);
        Assert.Equal(WriteOutcome.NotFound, second.Outcome);
        Assert.Null(await Store.GetAsync("gone", Ct));
    }

    private static ConnectionProfile Profile(string name) => new()
    {
        Name = name,
        Host = "ssh.example.test",
        User = "deploy",
        SecretRef = "ssh-key",
        HostKeyFingerprint = "SHA256:abc",
    };
}
