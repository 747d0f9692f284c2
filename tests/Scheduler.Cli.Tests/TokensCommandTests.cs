namespace Scheduler.Cli.Tests;

/// <summary><c>scheduler jobs tokens ...</c> and <c>scheduler audit</c> against the real Server: a token is created (shown once),
/// listed without its text, revoked; the audit lists those changes with the key's name.</summary>
[Collection("cli")]
public sealed class TokensCommandTests(CliFixture fixture)
{
    private CliRunner Cli => fixture.Cli;

    [Fact]
    public async Task CreateListRevoke_ThenAudit_ShowsTheChanges()
    {
        var created = await Cli.RunAsync("jobs", "create", "--id", "cli-tokens", "--url", fixture.Host.Sink.Url("cli-tokens"), "--cron", "0 0 1 1 *");
        Assert.True(created.ExitCode == 0, created.ToString());

        var token = await Cli.RunAsync("jobs", "tokens", "create", "cli-tokens", "--name", "ci-hook", "-o", "json");
        Assert.True(token.ExitCode == 0, token.ToString());
        var id = token.Json["id"]!.GetValue<string>();
        var text = token.Json["token"]!.GetValue<string>();
        var list = await Cli.RunAsync("jobs", "tokens", "list", "cli-tokens");
        var revoked = await Cli.RunAsync("jobs", "tokens", "revoke", "cli-tokens", id);
        var again = await Cli.RunAsync("jobs", "tokens", "revoke", "cli-tokens", id);
        var audit = await Cli.RunAsync("audit", "--job", "cli-tokens");
        var badKind = await Cli.RunAsync("audit", "--kind", "everything");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(id, list.Stdout, StringComparison.Ordinal);
        Assert.Contains("ci-hook", list.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(text, list.Stdout, StringComparison.Ordinal);
        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        Assert.Contains($"Revoked token {id} of job cli-tokens.", revoked.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, again.ExitCode);
        Assert.True(audit.ExitCode == 0, audit.ToString());
        Assert.Contains("RevokeTriggerToken", audit.Stdout, StringComparison.Ordinal);
        Assert.Contains("CreateTriggerToken", audit.Stdout, StringComparison.Ordinal);
        Assert.Contains("CreateJob", audit.Stdout, StringComparison.Ordinal);
        Assert.NotEqual(0, badKind.ExitCode);
    }
}
