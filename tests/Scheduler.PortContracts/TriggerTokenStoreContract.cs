using Scheduler.Core.Ports;
using Scheduler.Core.Tokens;

namespace Scheduler.PortContracts;

/// <summary>The contract of <see cref="ITriggerTokenStore"/>: a token is found by its job and id only, comes back whole, lists with
/// its job's tokens alone, and is gone once deleted (one by one or with all of its job's).</summary>
public abstract class TriggerTokenStoreContract : PortContract<ITriggerTokenStore>
{
    private static readonly DateTimeOffset Created = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task InsertAsync_ThenGetAsync_AnswersItWhole_OnlyForItsJob()
    {
        var store = await NewAsync();
        var token = Token("job-a", "00112233aabbccdd") with { Name = "github", ExpiresUtc = Created.AddDays(30) };

        var written = await store.InsertAsync(token, Ct);
        var again = await store.InsertAsync(token, Ct);

        Assert.Equal((WriteOutcome.Done, WriteOutcome.Conflict), (written.Outcome, again.Outcome));
        Assert.Equal(token, await store.GetAsync("job-a", token.Id, Ct));
        Assert.Null(await store.GetAsync("job-b", token.Id, Ct));
        Assert.Null(await store.GetAsync("job-a", "ffffffffffffffff", Ct));
    }

    [Fact]
    public async Task ListAsync_TheJobsTokensOnly()
    {
        var store = await NewAsync();
        await store.InsertAsync(Token("job-a", "0000000000000002"), Ct);
        await store.InsertAsync(Token("job-a", "0000000000000001"), Ct);
        await store.InsertAsync(Token("job-ab", "0000000000000003"), Ct);

        var listed = await store.ListAsync("job-a", Ct);

        Assert.Equal(["0000000000000001", "0000000000000002"], listed.Select(t => t.Id));
        Assert.Empty(await store.ListAsync("job-c", Ct));
    }

    [Fact]
    public async Task DeleteAsync_OneToken_GoneAndNotFoundTheSecondTime()
    {
        var store = await NewAsync();
        await store.InsertAsync(Token("job-a", "0000000000000001"), Ct);

        var first = await store.DeleteAsync("job-a", "0000000000000001", Ct);
        var second = await store.DeleteAsync("job-a", "0000000000000001", Ct);

        Assert.Equal((WriteOutcome.Done, WriteOutcome.NotFound), (first.Outcome, second.Outcome));
        Assert.Null(await store.GetAsync("job-a", "0000000000000001", Ct));
    }

    [Fact]
    public async Task DeleteAllAsync_EveryTokenOfTheJob_OthersKept()
    {
        var store = await NewAsync();
        await store.InsertAsync(Token("job-a", "0000000000000001"), Ct);
        await store.InsertAsync(Token("job-a", "0000000000000002"), Ct);
        await store.InsertAsync(Token("job-b", "0000000000000003"), Ct);

        var removed = await store.DeleteAllAsync("job-a", Ct);

        Assert.Equal(2, removed);
        Assert.Empty(await store.ListAsync("job-a", Ct));
        Assert.Single(await store.ListAsync("job-b", Ct));
    }

    private static TriggerToken Token(string jobId, string id) => new()
    {
        JobId = jobId,
        Id = id,
        SecretHash = new string('a', 64),
        JobCreatedUtc = Created.AddDays(-1),
        CreatedUtc = Created,
        CreatedBy = "platform",
    };
}
