using Scheduler.Core.Ports;

namespace Scheduler.PortContracts;

/// <summary>The contract of <see cref="IIdempotencyStore"/>: the first claim of a key wins (null), later claims get its job id;
/// any key text is a key of its own.</summary>
public abstract class IdempotencyStoreContract : PortContract<IIdempotencyStore>
{
    [Fact]
    public async Task ClaimAsync_Twice_SecondGetsTheFirstJobId()
    {
        var store = await NewAsync();

        var first = await store.ClaimAsync("key-1", "job-a", Ct);
        var second = await store.ClaimAsync("key-1", "job-b", Ct);

        Assert.Null(first);
        Assert.Equal("job-a", second);
    }

    [Fact]
    public async Task ClaimAsync_KeysThatDifferInCaseOrByCharactersTableKeysForbid_AreDistinct()
    {
        var store = await NewAsync();
        const string key = "a/b\\c#d?e\u0001long";

        Assert.Null(await store.ClaimAsync(key, "job-a", Ct));
        Assert.Equal("job-a", await store.ClaimAsync(key, "job-c", Ct));
        Assert.Null(await store.ClaimAsync(key + "x", "job-d", Ct));
        Assert.Null(await store.ClaimAsync("KEY", "job-e", Ct));
        Assert.Null(await store.ClaimAsync("key", "job-f", Ct));
    }

    [Fact]
    public async Task ClaimAsync_ManyClaimersAtOnce_OneWinsAndTheOthersGetItsJobId()
    {
        var store = await NewAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => store.ClaimAsync("race", $"job-{i}", Ct)));

        Assert.Single(results, r => r is null);
        var winner = $"job-{Array.IndexOf(results, null)}";
        Assert.All(results.Where(r => r is not null), r => Assert.Equal(winner, r));
    }

    [Fact]
    public async Task ForgetClaimedBeforeAsync_KeysClaimedBeforeOnly_AForgottenKeyIsNewAgain()
    {
        var store = await NewAsync();
        await store.ClaimAsync("kept", "job-a", Ct);
        await store.ClaimAsync("forgotten", "job-b", Ct);

        var none = await store.ForgetClaimedBeforeAsync(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), 10, Ct);
        Assert.Equal("job-a", await store.ClaimAsync("kept", "job-x", Ct));
        var both = await store.ForgetClaimedBeforeAsync(new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero), 1, Ct)
            + await store.ForgetClaimedBeforeAsync(new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero), 10, Ct);

        Assert.Equal((0, 2), (none, both));
        Assert.Null(await store.ClaimAsync("forgotten", "job-c", Ct));
        Assert.Equal("job-c", await store.ClaimAsync("forgotten", "job-d", Ct));
    }
}
