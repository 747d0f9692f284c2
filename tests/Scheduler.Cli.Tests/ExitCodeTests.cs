namespace Scheduler.Cli.Tests;

/// <summary>The exit codes scripts rely on, and the error text printed with them (ProblemDetails title, detail, field errors).</summary>
[Collection("cli")]
public sealed class ExitCodeTests(CliFixture fixture)
{
    [Fact]
    public async Task InvalidCron_Exits3_AndPrintsTheFieldError()
    {
        var result = await fixture.Cli.RunAsync("jobs", "create", "--id", "cli-bad-cron", "--url", fixture.Host.Sink.Url("x"), "--cron", "61 * * * *");

        Assert.Equal(ExitCodes.Rejected, result.ExitCode);
        Assert.Contains("Error 400: The request is not valid.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("schedule.cron: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Minutes", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task ExistingId_Exits3_WithTheConflict()
    {
        await fixture.Host.CreateJobAsync("cli-taken", "x", SchedulerHost.Rarely());

        var result = await fixture.Cli.RunAsync("jobs", "create", "--id", "cli-taken", "--url", fixture.Host.Sink.Url("x"), "--every", "1h");

        Assert.Equal(ExitCodes.Rejected, result.ExitCode);
        Assert.Contains("Error 409", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("already exists", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingJobAndRun_Exit2()
    {
        var job = await fixture.Cli.RunAsync("jobs", "pause", "cli-no-such-job");
        Assert.Equal(ExitCodes.NotFound, job.ExitCode);

        var run = await fixture.Cli.RunAsync("runs", "show", "cli-no-such-job:0639309955315115711");
        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.Contains("does not exist", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongKey_Exits4()
    {
        var cli = new CliRunner(fixture.Host.BaseUrl.ToString(), "not-the-key");

        var result = await cli.RunAsync("jobs", "list");

        Assert.Equal(ExitCodes.Auth, result.ExitCode);
        Assert.Contains("Error 401: The API key was refused.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedPort_Exits5()
    {
        var port = Scheduler.Testing.FreePort.Next();
        var cli = new CliRunner($"http://127.0.0.1:{port}", SchedulerHost.ApiKey);

        var result = await cli.RunAsync("stats");

        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
        Assert.Contains("Cannot reach the Scheduler API", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageErrors_Exit1()
    {
        var unknown = await fixture.Cli.RunAsync("jobs", "frobnicate");
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);

        var noServer = await new CliRunner(null, null).RunAsync("jobs", "list");
        Assert.Equal(ExitCodes.Usage, noServer.ExitCode);
        Assert.Contains("No server URL", noServer.Stderr, StringComparison.Ordinal);

        var badDuration = await fixture.Cli.RunAsync("jobs", "create", "--id", "x", "--url", "http://x.test", "--every", "soon");
        Assert.Equal(ExitCodes.Usage, badDuration.ExitCode);
        Assert.Contains("--every 'soon' is not a duration", badDuration.Stderr, StringComparison.Ordinal);

        var missingFile = await fixture.Cli.RunAsync("jobs", "create", "--file", "/nonexistent/job.json");
        Assert.Equal(ExitCodes.Usage, missingFile.ExitCode);
    }

    [Fact]
    public async Task ConfigFile_SuppliesServerAndKey_AndFlagsWinOverEnvironment()
    {
        var fromFile = new CliRunner(null, null);
        fromFile.WriteConfigFile($$"""{ "server": "{{fixture.Host.BaseUrl}}", "apiKey": "{{SchedulerHost.ApiKey}}" }""");
        var viaFile = await fromFile.RunAsync("config", "get", "-o", "json");
        Assert.True(viaFile.ExitCode == 0, viaFile.ToString());

        var badEnvironment = new CliRunner("http://127.0.0.1:9", "wrong");
        var viaFlags = await badEnvironment.RunAsync("stats", "--server", fixture.Host.BaseUrl.ToString(), "--api-key", SchedulerHost.ApiKey, "-o", "json");
        Assert.True(viaFlags.ExitCode == 0, viaFlags.ToString());
        Assert.NotNull(viaFlags.Json["runsLastHour"]);
    }
}
