using System.Net;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests;

/// <summary>What the Server exports to Application Insights, through the real Azure Monitor exporter of the real Server process
/// into <see cref="IngestionSink"/>: idle housekeeping (queue polls, sweeps that dispatch nothing, counter flushes) exports
/// nothing, a run exports its status changes, its spans and their storage calls.</summary>
[Collection(ApiDefinition.Name)]
public sealed class TelemetryExportTests(ApiFixture fixture)
{
    /// <summary>Ten 1 s sweeps and about fifty 200 ms queue polls of the test Server.</summary>
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task IdleThenRun_ExportsNothingForIdlePollingAndEverythingForTheRun()
    {
        await using var ingestion = new IngestionSink();
        await ingestion.StartAsync();
        var storage = fixture.Azurite.NewOptions();
        await using var server = await ServerProcess.StartAsync(storage, new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ingestion.ConnectionString,
            ["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true",
            // The Server's own default: an idle loop that logs at Information would be exported.
            ["Logging:LogLevel:Default"] = "Information",
        });
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        using var client = server.Client();

        // The idle window is the subject here, not a stand-in for a condition: the Server sweeps and polls through it.
        var idleFrom = DateTimeOffset.UtcNow;
        await Task.Delay(IdleWindow);
        var idleTo = DateTimeOffset.UtcNow;
        var id = JobBodies.Unique("telemetry");
        await (await client.PostJsonAsync("/api/jobs", JobBodies.Http(id, fixture.Sink.Url($"ok/{id}"), JobBodies.Once("00:00:01")))).ExpectAsync(HttpStatusCode.Created);
        var runs = await RunPolling.WaitForRunsAsync(client, id, r => r.Count == 1 && RunPolling.Status(r[0]!) == "Succeeded");
        var runId = runs[0]!["runId"]!.GetValue<string>();

        // Spans and logs leave in the order they ended, so once the run's own span and last event are in, so is everything before.
        var exported = await Eventually.GetAsync(
            () => Task.FromResult(ingestion.Items),
            items => items.Any(i => IsSpan(i, "run", runId)) && items.Any(i => IsStatus(i, runId, "Succeeded")),
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(200),
            "the run's span and its Succeeded event at the ingestion endpoint");

        var idle = exported.Where(i => i.Time >= idleFrom && i.Time < idleTo && !i.IsMetric).ToList();
        Assert.True(idle.Count == 0, $"Exported while idle: {string.Join("; ", idle.Take(10))}");
        var run = exported.Single(i => IsSpan(i, "run", runId));
        var trace = exported.Where(i => i.OperationId == run.OperationId).ToList();
        Assert.Contains(trace, i => i.IsDependency && i.Name == "sweep" && i.Property("scheduler.dispatched") == "1");
        Assert.Contains(trace, i => i.IsDependency && i.Name == "attempt" && i.Property("scheduler.run_id") == runId);
        var storageCalls = trace.Where(i => i.IsDependency && i.DependencyType == "Http" && i.Data["target"]?.ToString() == $"127.0.0.1:{fixture.Azurite.TablePort}").ToList();
        Assert.True(storageCalls.Count >= 3, $"The run's table calls: {string.Join("; ", storageCalls)}");
        Assert.Contains(trace, i => i.IsDependency && i.DependencyType == "Http" && i.Data["target"]?.ToString() == $"127.0.0.1:{fixture.Sink.Port}");
        Assert.Contains(exported, i => IsStatus(i, runId, "Running"));
    }

    private static bool IsSpan(TelemetryItem item, string name, string runId) =>
        item.IsDependency && item.Name == name && item.Property("scheduler.run_id") == runId;

    private static bool IsStatus(TelemetryItem item, string runId, string status) =>
        item.IsTrace && item.Property("RunId") == runId && item.Property("Status") == status;
}
