using Scheduler.Core.Connections;
using Scheduler.Core.Ports;

namespace Scheduler.PortContracts;

/// <summary>The contract of <see cref="IConnectionStore"/>: profiles by name, listed in name order; Conflict on a second insert,
/// Stale on an old ETag, NotFound when missing, a null ETag unconditional.</summary>
public abstract class ConnectionStoreContract : PortContract<IConnectionStore>
{
    private static ConnectionProfile Profile(string name) => new()
    {
        Name = name,
        Host = "ssh.example.test",
        User = "deploy",
        SecretRef = "ssh-key",
        HostKeyFingerprint = "SHA256:abc",
    };

    [Fact]
    public async Task InsertAsync_ThenGetAndList_EveryFieldInNameOrder()
    {
        var store = await NewAsync();
        var profile = Profile("db-2") with { Port = 2222, ConnectTimeout = TimeSpan.FromSeconds(3.5), CommandTimeout = TimeSpan.FromHours(1) };

        var written = await store.InsertAsync(profile, Ct);
        await store.InsertAsync(Profile("db-10"), Ct);
        await store.InsertAsync(Profile("db-1"), Ct);

        Assert.True(written.Done);
        Assert.Equal(profile with { ETag = written.ETag }, await store.GetAsync("db-2", Ct));
        Assert.Equal(["db-1", "db-10", "db-2"], (await store.ListAsync(Ct)).Select(p => p.Name));
        Assert.Null(await store.GetAsync("db-3", Ct));
    }

    [Fact]
    public async Task InsertAsync_Twice_SecondIsConflictAndKeepsTheFirst()
    {
        var store = await NewAsync();
        await store.InsertAsync(Profile("dup"), Ct);

        var second = await store.InsertAsync(Profile("dup") with { Host = "other.example.test" }, Ct);

        Assert.Equal(WriteOutcome.Conflict, second.Outcome);
        Assert.Equal("ssh.example.test", (await store.GetAsync("dup", Ct))!.Host);
    }

    [Fact]
    public async Task ReplaceAsync_OldETagIsStale_NoETagReplaces_MissingIsNotFound()
    {
        var store = await NewAsync();
        var inserted = await store.InsertAsync(Profile("p"), Ct);
        var winner = await store.ReplaceAsync(Profile("p") with { ETag = inserted.ETag, Host = "new.example.test" }, Ct);

        var stale = await store.ReplaceAsync(Profile("p") with { ETag = inserted.ETag, Host = "old.example.test" }, Ct);
        var unconditional = await store.ReplaceAsync(Profile("p") with { Port = 2200 }, Ct);

        Assert.True(winner.Done);
        Assert.Equal(WriteOutcome.Stale, stale.Outcome);
        Assert.True(unconditional.Done);
        Assert.Equal(Profile("p") with { Port = 2200, ETag = unconditional.ETag }, await store.GetAsync("p", Ct));
        Assert.Equal(WriteOutcome.NotFound, (await store.ReplaceAsync(Profile("ghost"), Ct)).Outcome);
    }

    [Fact]
    public async Task DeleteAsync_OldETagThenCurrentThenAgain_StaleThenDoneThenNotFound()
    {
        var store = await NewAsync();
        var inserted = await store.InsertAsync(Profile("gone"), Ct);
        var replaced = await store.ReplaceAsync(Profile("gone") with { ETag = inserted.ETag, Port = 23 }, Ct);

        var stale = await store.DeleteAsync("gone", inserted.ETag, Ct);
        var done = await store.DeleteAsync("gone", replaced.ETag, Ct);
        var again = await store.DeleteAsync("gone", null, Ct);

        Assert.Equal(WriteOutcome.Stale, stale.Outcome);
        Assert.True(done.Done);
        Assert.Equal(WriteOutcome.NotFound, again.Outcome);
        Assert.Null(await store.GetAsync("gone", Ct));
        Assert.Empty(await store.ListAsync(Ct));
    }
}
