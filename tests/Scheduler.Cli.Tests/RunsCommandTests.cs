using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Scheduler.Cli.Tests;

/// <summary><c>scheduler runs ...</c>: list, show with attempts, cancel, and the live watch.</summary>
[Collection("cli")]
public sealed class RunsCommandTests(CliFixture fixture)
{
    [Fact]
    public async Task ListAndShow_PrintRunsAndAttempts()
    {
        await fixture.Host.CreateJobAsync("cli-runs", "fail/cli-runs", SchedulerHost.Rarely(), maxAttempts: 2);
        var runId = (await fixture.Host.PostAsync("api/jobs/cli-runs/trigger"))!["runId"]!.GetValue<string>();
        await RunPolling.WaitForRunsAsync(fixture.Host.Api, "cli-runs", runs => RunPolling.Status(runs.FirstOrDefault()) == "Failed", TimeSpan.FromSeconds(30));

        var list = await fixture.Cli.RunAsync("runs", "list", "cli-runs");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("Runs of cli-runs", list.Stdout, StringComparison.Ordinal);
        Assert.Contains(runId, list.Stdout, StringComparison.Ordinal);
        Assert.Contains("Failed", list.Stdout, StringComparison.Ordinal);
        Assert.Contains("Manual", list.Stdout, StringComparison.Ordinal);

        var json = await fixture.Cli.RunAsync("runs", "list", "cli-runs", "-o", "json");
        Assert.Equal(2, json.Json["items"]![0]!["attemptCount"]!.GetValue<int>());

        var show = await fixture.Cli.RunAsync("runs", "show", runId);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("Attempts", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", show.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"│ 1\s+│ Failed\s+│", show.Stdout);
        Assert.Matches(@"│ 2\s+│ Failed\s+│", show.Stdout);

        var showJson = await fixture.Cli.RunAsync("runs", "show", runId, "--job", "cli-runs", "-o", "json");
        Assert.Equal(2, showJson.Json["attempts"]!.AsArray().Count);
        Assert.Equal(500, showJson.Json["attempts"]![0]!["statusCode"]!.GetValue<int>());

        var cancelFinished = await fixture.Cli.RunAsync("runs", "cancel", runId);
        Assert.Equal(ExitCodes.Rejected, cancelFinished.ExitCode);
        Assert.Contains("Error 409", cancelFinished.Stderr, StringComparison.Ordinal);
        Assert.Contains("already finished", cancelFinished.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TriggerWithParam_ShowPrintsTheTriggerAndEveryValue()
    {
        var job = new JsonObject
        {
            ["id"] = "cli-params",
            ["target"] = new JsonObject { ["type"] = "http", ["url"] = fixture.Host.Sink.Url("ok/cli-params") + "?file={{params.file}}" },
            ["schedule"] = SchedulerHost.Rarely(),
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "file", ["default"] = "all.csv" }, new JsonObject { ["name"] = "mode" }),
        };
        (await fixture.Host.Api.PostAsJsonAsync("api/jobs", job)).EnsureSuccessStatusCode();

        var triggered = await fixture.Cli.RunAsync("jobs", "trigger", "cli-params", "--param", "file=q3 final.csv", "-o", "json");

        Assert.True(triggered.ExitCode == 0, triggered.ToString());
        var runId = triggered.Json["runId"]!.GetValue<string>();
        await RunPolling.WaitForRunsAsync(fixture.Host.Api, "cli-params", runs => RunPolling.Status(runs.FirstOrDefault()) == "Succeeded", TimeSpan.FromSeconds(30));
        var show = await fixture.Cli.RunAsync("runs", "show", runId);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Matches(@"Trigger\s+External", show.Stdout);
        Assert.Matches(@"Parameter file\s+q3 final\.csv", show.Stdout);
        Assert.Matches(@"Parameter mode\s+\(empty\)", show.Stdout);
        Assert.Equal("?file=q3%20final.csv", Assert.Single(fixture.Host.Sink.For("ok/cli-params")).Query);
        var badParam = await fixture.Cli.RunAsync("jobs", "trigger", "cli-params", "--param", "nope=1");
        Assert.Equal(ExitCodes.Rejected, badParam.ExitCode);
        Assert.Contains("parameters.nope", badParam.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_ARunningRun_EndsItWithoutRetries()
    {
        await fixture.Host.CreateJobAsync("cli-cancel", "slow/4000/fail/cli", SchedulerHost.Rarely(), maxAttempts: 3);
        var runId = (await fixture.Host.PostAsync("api/jobs/cli-cancel/trigger"))!["runId"]!.GetValue<string>();
        await RunPolling.WaitForRunsAsync(fixture.Host.Api, "cli-cancel", runs => RunPolling.Status(runs.FirstOrDefault()) == "Running", TimeSpan.FromSeconds(20));

        var result = await fixture.Cli.RunAsync("runs", "cancel", runId, "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Json["cancelRequested"]!.GetValue<bool>());
        var final = await RunPolling.WaitForRunAsync(fixture.Host.Api, $"api/runs/cli-cancel/{Uri.EscapeDataString(runId)}", run => RunPolling.Status(run) == "Canceled", TimeSpan.FromSeconds(30));
        // The attempt running when the cancel arrived is the last one: it is interrupted and no retry follows.
        Assert.Equal(result.Json["inFlightAttempt"]!.GetValue<int>(), final["attemptCount"]!.GetValue<int>());
        Assert.Equal("Canceled", final["attempts"]!.AsArray()[^1]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListWithoutJob_FailedInTheLastHour_ShowsEveryJobsFailedRunsOnly()
    {
        await fixture.Host.CreateJobAsync("cli-all-fail", "fail/cli-all-fail", SchedulerHost.Rarely());
        await fixture.Host.CreateJobAsync("cli-all-ok", "cli-all-ok", SchedulerHost.Rarely());
        var failedRun = (await fixture.Host.PostAsync("api/jobs/cli-all-fail/trigger"))!["runId"]!.GetValue<string>();
        var okRun = (await fixture.Host.PostAsync("api/jobs/cli-all-ok/trigger"))!["runId"]!.GetValue<string>();
        foreach (var (job, run) in new[] { ("cli-all-fail", failedRun), ("cli-all-ok", okRun) })
        {
            await RunPolling.WaitForRunAsync(fixture.Host.Api, $"api/runs/{job}/{Uri.EscapeDataString(run)}", r => RunPolling.Status(r) is "Failed" or "Succeeded", TimeSpan.FromSeconds(30));
        }

        var list = await fixture.Cli.RunAsync("runs", "list", "--status", "Failed", "--since", "1h");
        var json = await fixture.Cli.RunAsync("runs", "list", "--status", "Failed", "--since", "1h", "-o", "json");
        var bad = await fixture.Cli.RunAsync("runs", "list", "--status", "Broken");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("Runs of every job", list.Stdout, StringComparison.Ordinal);
        Assert.Contains(failedRun, list.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(okRun, list.Stdout, StringComparison.Ordinal);
        Assert.All(json.Json["items"]!.AsArray(), r => Assert.Equal("Failed", r!["status"]!.GetValue<string>()));
        Assert.True(bad.ExitCode == 3, bad.ToString());
        Assert.Contains("status", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_WithIterations_RendersEachRefreshAndStops()
    {
        await fixture.Host.CreateJobAsync("cli-watch", "cli-watch", SchedulerHost.EverySeconds(1));
        await Eventually.GetAsync(() => Task.FromResult(fixture.Host.Sink.For("cli-watch").Count), n => n >= 1, TimeSpan.FromSeconds(20), what: "a first run");

        var result = await fixture.Cli.RunAsync("runs", "watch", "cli-watch", "--iterations", "2", "--interval", "1");

        await fixture.Host.PostAsync("api/jobs/cli-watch/pause");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("refresh 1 at", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("refresh 2 at", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh 3 at", result.Stdout, StringComparison.Ordinal);
        Assert.True(result.Stdout.Split("Runs of cli-watch").Length - 1 >= 2, result.Stdout);
        Assert.Contains("Succeeded", result.Stdout, StringComparison.Ordinal);

        var json = await fixture.Cli.RunAsync("runs", "watch", "cli-watch", "-n", "2", "--interval", "0.5", "-o", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal(2, json.Stdout.Split("\"items\"").Length - 1);
    }

    [Fact]
    public async Task Watch_InATerminal_RedrawsTheLiveTableInPlace()
    {
        await fixture.Host.CreateJobAsync("cli-watch-tty", "cli-watch-tty", SchedulerHost.Rarely());
        await fixture.Host.PostAsync("api/jobs/cli-watch-tty/trigger");

        var result = await fixture.Cli.RunInTerminalAsync("runs", "watch", "cli-watch-tty", "--iterations", "3", "--interval", "0.5");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("refresh 1 at", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("refresh 3 at", result.Stdout, StringComparison.Ordinal);
        // Spectre's live display moves the cursor up over the previous frame (CSI n A) instead of printing below it.
        Assert.Matches(@"\u001b\[\d+A", result.Stdout);
    }
}
