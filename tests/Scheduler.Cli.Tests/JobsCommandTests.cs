namespace Scheduler.Cli.Tests;

/// <summary><c>scheduler jobs ...</c> against the real Server: tables, JSON and exit codes.</summary>
[Collection("cli")]
public sealed class JobsCommandTests(CliFixture fixture)
{
    private CliRunner Cli => fixture.Cli;

    [Fact]
    public async Task Create_FromFlags_PrintsAConfirmationAndStoresTheHttpJob()
    {
        var result = await Cli.RunAsync("jobs", "create", "--id", "cli-flags", "--name", "From flags", "--url", fixture.Host.Sink.Url("cli-flags"),
            "--cron", "0 9 * * MON-FRI", "--tz", "Europe/Paris", "-H", "X-Team: ops", "--tag", "cli", "--tag", "flags", "--max-attempts", "4", "--attempt-timeout", "45s", "--priority", "7");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Created job cli-flags: Active", result.Stdout, StringComparison.Ordinal);
        var job = await fixture.Host.GetAsync("api/jobs/cli-flags");
        var d = job!["definition"]!;
        Assert.Equal("0 9 * * MON-FRI", d["schedule"]!["cron"]!.GetValue<string>());
        Assert.Equal("Europe/Paris", d["schedule"]!["timeZone"]!.GetValue<string>());
        Assert.Equal("ops", d["target"]!["headers"]!["X-Team"]!.GetValue<string>());
        Assert.Equal(4, d["retry"]!["maxAttempts"]!.GetValue<int>());
        Assert.Equal("00:00:45", d["timeout"]!.GetValue<string>());
        Assert.Equal(7, d["priority"]!.GetValue<int>());
    }

    [Fact]
    public async Task Create_FromFile_WithJsonOutput_PrintsTheApisJob()
    {
        var file = Path.Combine(Cli.Home, "job.json");
        await File.WriteAllTextAsync(file, $$"""
            {
              "id": "cli-file",
              "target": { "type": "http", "url": "{{fixture.Host.Sink.Url("cli-file")}}", "method": "PUT", "body": "{\"hello\":1}" },
              "schedule": { "kind": "Interval", "interval": "01:00:00" },
              "lane": "default",
              "tags": ["file"]
            }
            """);

        var result = await Cli.RunAsync("jobs", "create", "--file", file, "--name", "Overridden by a flag", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("cli-file", result.Json["id"]!.GetValue<string>());
        Assert.Equal("Active", result.Json["status"]!.GetValue<string>());
        Assert.Equal("PUT", result.Json["definition"]!["target"]!["method"]!.GetValue<string>());
        Assert.Equal("Overridden by a flag", result.Json["definition"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListAndShow_PrintTablesAndJson()
    {
        await fixture.Host.CreateJobAsync("cli-list", "cli-list", SchedulerHost.Rarely(), name: "Listed job", tags: ["listing"]);

        var table = await Cli.RunAsync("jobs", "list", "--tag", "listing");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("│ Id", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("cli-list", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("Listed job", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("cron 0 0 1 1 * (Europe/Paris)", table.Stdout, StringComparison.Ordinal);

        var json = await Cli.RunAsync("jobs", "list", "--search", "cli-list", "--output", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        var items = json.Json["items"]!.AsArray();
        Assert.Equal("cli-list", Assert.Single(items)!["id"]!.GetValue<string>());

        var show = await Cli.RunAsync("jobs", "show", "cli-list");
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("Job cli-list", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("POST " + fixture.Host.Sink.Url("cli-list"), show.Stdout, StringComparison.Ordinal);
        Assert.Contains("Europe/Paris", show.Stdout, StringComparison.Ordinal);

        var showJson = await Cli.RunAsync("jobs", "show", "cli-list", "-o", "json");
        Assert.Equal("Listed job", showJson.Json["definition"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_WithFlags_ChangesOnlyThoseFields()
    {
        await fixture.Host.CreateJobAsync("cli-update", "cli-update", SchedulerHost.Rarely(), name: "Unchanged", tags: ["keep"]);

        var result = await Cli.RunAsync("jobs", "update", "cli-update", "--every", "10m", "--lane", "batch");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Updated job cli-update", result.Stdout, StringComparison.Ordinal);
        var d = (await fixture.Host.GetAsync("api/jobs/cli-update"))!["definition"]!;
        Assert.Equal("Interval", d["schedule"]!["kind"]!.GetValue<string>());
        Assert.Equal("00:10:00", d["schedule"]!["interval"]!.GetValue<string>());
        Assert.Equal("batch", d["lane"]!.GetValue<string>());
        Assert.Equal("Unchanged", d["name"]!.GetValue<string>());
        Assert.Equal("keep", d["tags"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task PauseResumeTriggerDelete_ChangeTheJob()
    {
        await fixture.Host.CreateJobAsync("cli-steer", "cli-steer", SchedulerHost.Rarely());

        var paused = await Cli.RunAsync("jobs", "pause", "cli-steer", "-o", "json");
        Assert.True(paused.ExitCode == 0, paused.ToString());
        Assert.Equal("Paused", paused.Json["status"]!.GetValue<string>());

        var resumed = await Cli.RunAsync("jobs", "resume", "cli-steer");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("Resumed job cli-steer: now Active.", resumed.Stdout, StringComparison.Ordinal);

        var triggered = await Cli.RunAsync("jobs", "trigger", "cli-steer", "-o", "json");
        Assert.True(triggered.ExitCode == 0, triggered.ToString());
        Assert.StartsWith("cli-steer:", triggered.Json["runId"]!.GetValue<string>(), StringComparison.Ordinal);
        await Eventually.GetAsync(() => Task.FromResult(fixture.Host.Sink.For("cli-steer").Count), n => n >= 1, TimeSpan.FromSeconds(20), what: "the triggered run");

        var deleted = await Cli.RunAsync("jobs", "delete", "cli-steer", "--remove-runs");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Contains("Deleted job cli-steer and its ended runs.", deleted.Stdout, StringComparison.Ordinal);

        var gone = await Cli.RunAsync("jobs", "show", "cli-steer");
        Assert.Equal(ExitCodes.NotFound, gone.ExitCode);
        Assert.Contains("Error 404", gone.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not exist", gone.Stderr, StringComparison.Ordinal);
    }
}
