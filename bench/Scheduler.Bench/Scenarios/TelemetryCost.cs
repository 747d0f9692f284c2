using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Bench.Infra;
using Scheduler.Core.Ports;
using Scheduler.Storage;
using Scheduler.Testing;

namespace Scheduler.Bench.Scenarios;

/// <summary>What the Server exports to Application Insights: the real Server process (its own appsettings, default tick, lookahead,
/// queue poll and log levels) with <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> pointed at <see cref="IngestionSink"/>. Items and
/// JSON bytes by type over an idle 95 s window (scaled to a day), then per run over a stream of once-jobs to a no-op webhook.</summary>
internal static class TelemetryCost
{
    public const string Name = "telemetry";
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(15);
    /// <summary>Two whole periods of the once-a-minute metric export (and 24 of the standard metrics' 5 s), whatever the phase, so
    /// that scaling the window to a day is exact for every exporter; figures per 95 s (the issue's window) are scaled from it.</summary>
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan IssueWindow = TimeSpan.FromSeconds(95);
    private static readonly TimeSpan RunEvery = TimeSpan.FromMilliseconds(500);

    public static async Task RunAsync(BenchArgs args)
    {
        var runs = args.N ?? 20;
        Report.Heading($"{Name}: items and bytes exported to Application Insights, idle {IdleWindow.TotalSeconds:0} s and per run ({runs} runs)");
        await using var azurite = await BenchAzurite.StartAsync();
        await using var sink = await NoopSink.StartAsync();
        await using var ingestion = new IngestionSink();
        await ingestion.StartAsync();
        await using var server = await ServerProcess.StartAsync(azurite.Options, new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ingestion.ConnectionString,
            ["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true",
            // The Server's defaults (appsettings.json), over the test kit's faster ones.
            ["Scheduler:Sweep:Tick"] = "00:00:05",
            ["Scheduler:Sweep:Lookahead"] = "00:00:07",
            ["Scheduler:Worker:IdlePollInterval"] = "00:00:00.250",
            ["Logging:LogLevel:Default"] = "Information",
        });
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        Report.Line($"Server process {server.Pid}; ingestion at {ingestion.BaseAddress}; warming up {Warmup.TotalSeconds:0} s");
        await Task.Delay(Warmup);

        var idleFrom = DateTimeOffset.UtcNow;
        await Task.Delay(IdleWindow);
        var idleTo = DateTimeOffset.UtcNow;

        var storage = new ServiceCollection().AddSchedulerStorage(o => MemoryUse.Copy(azurite.Options, o)).BuildServiceProvider();
        await using var _ = storage;
        var firstDue = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(8);
        await Seeder.SeedAsync(storage.GetRequiredService<IJobStore>(), storage.GetRequiredService<IDueIndex>(), "tel", runs, i => firstDue + (i * RunEvery), sink.Url, parallelism: 4);
        var clock = Stopwatch.StartNew();
        while (sink.Received < runs && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(200);
        }

        // Spans and logs leave in the order they ended: once every run's span and Succeeded event are in, the runs' items are.
        var expected = runs;
        var exported = await Eventually.GetAsync(
            () => Task.FromResult(ingestion.Items),
            items => items.Count(i => i.IsDependency && i.Name == "run") >= expected && items.Count(i => i.IsTrace && i.Property("Status") == "Succeeded") >= expected,
            TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(250), "every run's span and Succeeded event");
        var runFrom = idleTo;
        var runTo = DateTimeOffset.UtcNow;

        var idle = Tally(exported.Where(i => i.Time >= idleFrom && i.Time < idleTo));
        var perDay = TimeSpan.FromDays(1) / IdleWindow;
        var issue = IssueWindow / IdleWindow;
        // The run window holds idle housekeeping too: take off the idle rate (metrics apart: they are exported once a minute, whatever the runs).
        var runWindow = (runTo - runFrom) / IdleWindow;
        var runItems = Tally(exported.Where(i => i.Time >= runFrom && i.Time < runTo && !i.IsMetric));
        Report.Table(
            ["item type", "idle items / 120 s", "idle bytes / 120 s", "idle items / day", "idle MB / day", "items / run", "bytes / run"],
            idle.Keys.Union(runItems.Keys).Order().Select(type =>
            {
                var (idleCount, idleBytes) = idle.GetValueOrDefault(type);
                var (runCount, runBytes) = runItems.GetValueOrDefault(type);
                var perRunCount = type == "MetricData" ? 0 : (runCount - (idleCount * runWindow)) / runs;
                var perRunBytes = type == "MetricData" ? 0 : (runBytes - (idleBytes * runWindow)) / runs;
                return (IReadOnlyList<string>)
                [
                    type, Report.N(idleCount), Report.N(idleBytes), Report.N(idleCount * perDay), Report.N(idleBytes * perDay / 1e6, 1),
                    Report.N(perRunCount, 1), Report.N(perRunBytes),
                ];
            }));
        var idleTotal = (Items: idle.Values.Sum(v => v.Count), Bytes: idle.Values.Sum(v => v.Bytes));
        var idleDaily = (Items: idleTotal.Items * perDay, Bytes: idleTotal.Bytes * perDay);
        var runTotal = (Items: runItems.Values.Sum(v => v.Count), Bytes: runItems.Values.Sum(v => v.Bytes));
        var idleNoMetrics = idle.Where(kv => kv.Key != "MetricData").ToList();
        var perRun = (Items: (runTotal.Items - (idleNoMetrics.Sum(kv => kv.Value.Count) * runWindow)) / runs, Bytes: (runTotal.Bytes - (idleNoMetrics.Sum(kv => kv.Value.Bytes) * runWindow)) / runs);
        Report.Line($"idle: {Report.N(idleTotal.Items)} items, {Report.N(idleTotal.Bytes)} bytes of JSON in {IdleWindow.TotalSeconds:0} s ({Report.N(idleTotal.Items * issue)} items, {Report.N(idleTotal.Bytes * issue)} bytes per 95 s) = {Report.N(idleDaily.Items)} items, {Report.N(idleDaily.Bytes / 1e6, 1)} MB a day");
        Report.Line($"per run: {Report.N(perRun.Items, 1)} items, {Report.N(perRun.Bytes)} bytes of JSON; wire (gzip) bytes over the whole session: {Report.N(ingestion.WireBytes)} for {Report.N(exported.Sum(i => i.Bytes))} bytes of JSON");
        var idleDependencies = exported.Where(i => i.Time >= idleFrom && i.Time < idleTo && i.IsDependency).GroupBy(i => i.Name.Split('(')[0]).OrderByDescending(g => g.Count()).Take(8);
        foreach (var group in idleDependencies)
        {
            Report.Line($"idle dependency: {group.Count(),5} x {group.Key}");
        }

        var idleTraces = exported.Where(i => i.Time >= idleFrom && i.Time < idleTo && i.IsTrace).GroupBy(i => i.Property("CategoryName") + ": " + i.Name[..Math.Min(60, i.Name.Length)]).OrderByDescending(g => g.Count()).Take(5);
        foreach (var group in idleTraces)
        {
            Report.Line($"idle trace: {group.Count(),5} x {group.Key}");
        }

        var idleMetrics = exported.Where(i => i.Time >= idleFrom && i.Time < idleTo && i.IsMetric).GroupBy(i => i.Data["metrics"]?[0]?["name"]?.ToString() ?? "").OrderByDescending(g => g.Count());
        Report.Line($"idle metric items by name: {string.Join(", ", idleMetrics.Select(g => $"{g.Key} {g.Count()}"))}");
        Report.Write(Name, new
        {
            idleWindowSeconds = IdleWindow.TotalSeconds,
            runs,
            idle = idle.ToDictionary(kv => kv.Key, kv => new { items = kv.Value.Count, bytes = kv.Value.Bytes }),
            idleItemsPerDay = idleDaily.Items,
            idleBytesPerDay = idleDaily.Bytes,
            perRunItems = perRun.Items,
            perRunBytes = perRun.Bytes,
            runWindow = runItems.ToDictionary(kv => kv.Key, kv => new { items = kv.Value.Count, bytes = kv.Value.Bytes }),
            runWindowSeconds = (runTo - runFrom).TotalSeconds,
            wireBytes = ingestion.WireBytes,
            jsonBytes = exported.Sum(i => i.Bytes),
        });
    }

    private static Dictionary<string, (int Count, long Bytes)> Tally(IEnumerable<TelemetryItem> items) =>
        items.GroupBy(i => i.BaseType).ToDictionary(g => g.Key, g => (g.Count(), g.Sum(i => (long)i.Bytes)));
}
