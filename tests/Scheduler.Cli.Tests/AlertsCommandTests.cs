using System.Text.Json.Nodes;

namespace Scheduler.Cli.Tests;

/// <summary><c>scheduler jobs alerts ID</c>: a job's alerts, as a table and as JSON, after a real failed run alerted a real sink.</summary>
[Collection("cli")]
public sealed class AlertsCommandTests(CliFixture fixture)
{
    [Fact]
    public async Task JobsAlerts_AfterAFailedRun_ListsTheDeliveredAlert()
    {
        var sink = fixture.Host.Sink;
        await fixture.Host.PostAsync("api/jobs", new JsonObject
        {
            ["id"] = "cli-alerts",
            ["target"] = new JsonObject { ["type"] = "http", ["method"] = "POST", ["url"] = sink.Url("fail/cli-alerts") },
            ["schedule"] = SchedulerHost.Rarely(),
            ["alerts"] = new JsonArray(new JsonObject { ["on"] = "Failed", ["webhook"] = new JsonObject { ["url"] = sink.Url("alerts/cli-alerts") } }),
        });
        var runId = (await fixture.Host.PostAsync("api/jobs/cli-alerts/trigger"))!["runId"]!.GetValue<string>();
        await Eventually.GetAsync(() => Task.FromResult(sink.For("alerts/cli-alerts")), hits => hits.Count > 0, TimeSpan.FromSeconds(30), what: "the alert at the sink");
        var json = await Eventually.GetAsync(() => fixture.Cli.RunAsync("jobs", "alerts", "cli-alerts", "-o", "json"),
            r => r.ExitCode == 0 && r.Json["items"]!.AsArray().Count == 1 && r.Json["items"]![0]!["delivery"]!.GetValue<string>() == "delivered", TimeSpan.FromSeconds(10));

        var table = await fixture.Cli.RunAsync("jobs", "alerts", "cli-alerts");
        var missing = await fixture.Cli.RunAsync("jobs", "alerts", "no-such-job");

        Assert.Equal($"{runId}/alert/1", json.Json["items"]![0]!["id"]!.GetValue<string>());
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("Alerts of cli-alerts", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("delivered", table.Stdout, StringComparison.Ordinal);
        Assert.Contains(runId, table.Stdout, StringComparison.Ordinal);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("404", missing.Stderr, StringComparison.Ordinal);
    }
}
