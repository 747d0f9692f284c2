using System.Security.Cryptography;
using System.Text;

namespace Scheduler.Cli.Tests;

/// <summary><c>scheduler connections ...</c> against the real Server: tables, JSON and exit codes.</summary>
[Collection("cli")]
public sealed class ConnectionsCommandTests(CliFixture fixture)
{
    private static readonly string Fingerprint = "SHA256:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("cli host key"))).TrimEnd('=');

    private CliRunner Cli => fixture.Cli;

    [Fact]
    public async Task CreateListShowDelete_FromFlags_InTables()
    {
        var created = await Cli.RunAsync("connections", "create", "--name", "cli-conn-flags", "--host", "build-01.example.com", "--port", "2222",
            "--user", "deploy", "--secret-ref", SchedulerHost.SecretName, "--host-key", Fingerprint, "--command-timeout", "2m");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("Created connection cli-conn-flags: deploy@build-01.example.com:2222.", created.Stdout, StringComparison.Ordinal);
        var stored = await fixture.Host.GetAsync("api/connections/cli-conn-flags");
        Assert.Equal("00:02:00", stored!["commandTimeout"]!.GetValue<string>());

        var list = await Cli.RunAsync("connections", "list");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("│ Name", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("cli-conn-flags", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("deploy@build-01.example.com:2222", list.Stdout, StringComparison.Ordinal);
        Assert.Contains(Fingerprint, list.Stdout, StringComparison.Ordinal);

        var show = await Cli.RunAsync("connections", "show", "cli-conn-flags");
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("Connection cli-conn-flags", show.Stdout, StringComparison.Ordinal);
        Assert.Contains(SchedulerHost.SecretName, show.Stdout, StringComparison.Ordinal);
        Assert.Contains("00:00:10", show.Stdout, StringComparison.Ordinal);

        var deleted = await Cli.RunAsync("connections", "delete", "cli-conn-flags");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Contains("Deleted connection cli-conn-flags.", deleted.Stdout, StringComparison.Ordinal);

        var missing = await Cli.RunAsync("connections", "show", "cli-conn-flags");
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
    }

    [Fact]
    public async Task CreateListShowDelete_FromFile_InJson()
    {
        var file = Path.Combine(Cli.Home, "profile.json");
        await File.WriteAllTextAsync(file, $$"""
            { "name": "cli-conn-file", "host": "10.0.0.7", "user": "ops", "secretRef": "{{SchedulerHost.SecretName}}", "hostKeyFingerprint": "{{Fingerprint}}" }
            """);

        var created = await Cli.RunAsync("connections", "create", "--file", file, "--user", "overridden", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal("cli-conn-file", created.Json["name"]!.GetValue<string>());
        Assert.Equal("overridden", created.Json["user"]!.GetValue<string>());
        Assert.Equal(22, created.Json["port"]!.GetValue<int>());

        var list = await Cli.RunAsync("connections", "list", "--output", "json");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(list.Json["items"]!.AsArray(), c => c!["name"]!.GetValue<string>() == "cli-conn-file");

        var show = await Cli.RunAsync("connections", "show", "cli-conn-file", "-o", "json");
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Equal(Fingerprint, show.Json["hostKeyFingerprint"]!.GetValue<string>());
        Assert.Equal(SchedulerHost.SecretName, show.Json["secretRef"]!.GetValue<string>());

        var deleted = await Cli.RunAsync("connections", "delete", "cli-conn-file", "-o", "json");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.True(deleted.Json["deleted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Create_WithAnUnknownSecretRef_Exits3WithTheFieldError()
    {
        var result = await Cli.RunAsync("connections", "create", "--name", "cli-conn-bad", "--host", "h.example.com", "--user", "u",
            "--secret-ref", "no-such-secret", "--host-key", Fingerprint);

        Assert.Equal(ExitCodes.Rejected, result.ExitCode);
        Assert.Contains("secretRef", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("No secret named 'no-such-secret'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingProfile_Exits2_AndMissingFlags_Exit1()
    {
        var show = await Cli.RunAsync("connections", "show", "cli-conn-nowhere");
        Assert.Equal(ExitCodes.NotFound, show.ExitCode);
        var delete = await Cli.RunAsync("connections", "delete", "cli-conn-nowhere");
        Assert.Equal(ExitCodes.NotFound, delete.ExitCode);
        var usage = await Cli.RunAsync("connections", "create", "--name", "only-a-name");
        Assert.Equal(ExitCodes.Usage, usage.ExitCode);
    }
}
