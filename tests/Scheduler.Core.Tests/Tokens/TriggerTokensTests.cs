using Scheduler.Core.Services;
using Scheduler.Core.Tests.Fakes;
using Scheduler.Core.Tests.Support;
using Scheduler.Core.Tokens;

namespace Scheduler.Core.Tests.Tokens;

/// <summary>Trigger tokens over the engine's job service: a token is valid for its job only, until it expires or is revoked, and
/// never for a job created again under the same id; the store holds its hash, not its text.</summary>
public sealed class TriggerTokensTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task VerifyAsync_ItsJob_Valid_AnotherJobOrAlteredText_Null()
    {
        var (h, tokens, store) = Harness();
        await CreateJobAsync(h, "a");
        await CreateJobAsync(h, "b");
        var issued = (await tokens.CreateAsync("a", "hook", null, "platform", None)).Value!;

        Assert.NotNull(await tokens.VerifyAsync("a", issued.Text, None));
        Assert.Null(await tokens.VerifyAsync("b", issued.Text, None));
        Assert.Null(await tokens.VerifyAsync("a", issued.Text[..^1] + (issued.Text[^1] == 'A' ? 'B' : 'A'), None));
        Assert.Null(await tokens.VerifyAsync("a", "tt.not-a-token", None));
        var stored = Assert.Single(await store.ListAsync("a", None));
        Assert.Equal(TokenText.Hash(issued.Text), stored.SecretHash);
        Assert.DoesNotContain(issued.Text[(issued.Text.LastIndexOf('.') + 1)..], stored.SecretHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_AfterItsExpiry_Null()
    {
        var (h, tokens, _) = Harness();
        await CreateJobAsync(h, "a");
        var issued = (await tokens.CreateAsync("a", null, h.Time.GetUtcNow().AddHours(1), "platform", None)).Value!;

        var before = await tokens.VerifyAsync("a", issued.Text, None);
        h.Time.Advance(TimeSpan.FromHours(1));
        var at = await tokens.VerifyAsync("a", issued.Text, None);

        Assert.NotNull(before);
        Assert.Null(at);
    }

    [Fact]
    public async Task VerifyAsync_JobDeletedAndCreatedAgain_OldTokenNullAndNotListed()
    {
        var (h, tokens, _) = Harness();
        await CreateJobAsync(h, "a");
        var issued = (await tokens.CreateAsync("a", null, null, "platform", None)).Value!;

        // The job alone is deleted, as a crash before its tokens were would leave it.
        await h.JobService.DeleteAsync("a", null, false, None);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await CreateJobAsync(h, "a");

        Assert.Null(await tokens.VerifyAsync("a", issued.Text, None));
        Assert.Empty((await tokens.ListAsync("a", None)).Value!);
    }

    [Fact]
    public async Task RevokeAsync_ThenVerify_Null_AndASecondRevokeNotFound()
    {
        var (h, tokens, _) = Harness();
        await CreateJobAsync(h, "a");
        var issued = (await tokens.CreateAsync("a", null, null, "platform", None)).Value!;

        var first = await tokens.RevokeAsync("a", issued.Token.Id, None);
        var second = await tokens.RevokeAsync("a", issued.Token.Id, None);

        Assert.True(first.Succeeded);
        Assert.False(second.Succeeded);
        Assert.Null(await tokens.VerifyAsync("a", issued.Text, None));
    }

    [Fact]
    public async Task CreateAsync_PastTheMostPerJob_Conflict()
    {
        var (h, tokens, _) = Harness();
        await CreateJobAsync(h, "a");
        for (var i = 0; i < TriggerTokens.MaxPerJob; i++)
        {
            Assert.True((await tokens.CreateAsync("a", null, null, "platform", None)).Succeeded);
        }

        var over = await tokens.CreateAsync("a", null, null, "platform", None);

        Assert.Equal(ServiceStatus.Conflict, over.Status);
    }

    private static (EngineHarness Harness, TriggerTokens Tokens, InMemoryTriggerTokenStore Store) Harness()
    {
        var h = new EngineHarness();
        var store = new InMemoryTriggerTokenStore();
        return (h, new TriggerTokens(store, h.Jobs, h.Time), store);
    }

    private static async Task CreateJobAsync(EngineHarness h, string id) =>
        Assert.True((await h.JobService.CreateAsync(TestJobs.Http(id, TestJobs.Cron("0 0 1 1 *")), None)).Succeeded);
}
