using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Scheduler.Bench.Infra;
using Scheduler.Core.Jobs;
using Scheduler.Core.Retention;
using Scheduler.Core.Schedules;
using Scheduler.Core.Services;
using Scheduler.Core.Targets;
using Scheduler.Storage;
using Scheduler.Storage.Tables;

namespace Scheduler.Bench.Scenarios;

/// <summary>Scenario <c>retention</c>: the Server (its own composition, started) with short retention (runs 30 s, counters 2 min,
/// idempotency keys 30 s, a pass every 10 s) runs 20 jobs every second for <c>--n</c> seconds (240 by default: ~4,800 runs, in
/// process, no queue traffic) while a job is created with a new Idempotency-Key and deleted every 2 s. Every 20 s it counts
/// the rows of each table. Then the cost: a pass of its own, counted by a <see cref="StorageRequestCounter"/>, removes every
/// ended run left (retention 1 s): requests per run removed.</summary>
internal static class RetentionSoak
{
    public const string Name = "retention";
    private const int Jobs = 20;
    private static readonly TimeSpan Sample = TimeSpan.FromSeconds(20);
    private static readonly string[] Tables = [TableNames.Jobs, TableNames.RunCounts, TableNames.Idempotency, TableNames.Due];

    public static async Task RunAsync(BenchArgs args)
    {
        var seconds = args.N ?? 240;
        Report.Heading($"{Name}: rows per table while {Jobs} jobs run every second for {seconds} s with runs kept 30 s");
        await using var azurite = await BenchAzurite.StartAsync();
        await using var sink = await NoopSink.StartAsync();
        var settings = ServerComposition.BaseSettings(azurite);
        settings["Scheduler:Retention:RunsFor"] = "00:00:30";
        settings["Scheduler:Retention:CountersFor"] = "00:02:00";
        settings["Scheduler:Retention:IdempotencyKeysFor"] = "00:00:30";
        settings["Scheduler:Retention:Interval"] = "00:00:10";
        settings["Scheduler:Sweep:Tick"] = "00:00:01";
        var app = ServerComposition.Build(settings);
        await using var _ = app;
        await ServerComposition.EnsureStorageAsync(app.Services);
        await app.StartAsync();
        var service = app.Services.GetRequiredService<JobService>();
        var clients = app.Services.GetRequiredService<StorageClients>();
        for (var i = 0; i < Jobs; i++)
        {
            await service.CreateAsync(Job($"soak-{i:D2}", new ScheduleSpec { Kind = ScheduleKind.Interval, Interval = TimeSpan.FromSeconds(1) }, sink.Url), $"soak-key-{i}", CancellationToken.None);
        }

        var rows = new List<Dictionary<string, object>>();
        var started = DateTimeOffset.UtcNow;
        var next = started;
        var churn = 0;
        while (DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(seconds))
        {
            if (DateTimeOffset.UtcNow >= next)
            {
                rows.Add(await CountAsync(clients, (DateTimeOffset.UtcNow - started).TotalSeconds));
                Report.Line(string.Join(", ", rows[^1].Select(kv => $"{kv.Key} {kv.Value}")));
                next += Sample;
            }

            var id = $"churn-{churn++:D5}";
            await service.CreateAsync(Job(id, new ScheduleSpec { Kind = ScheduleKind.Cron, Cron = "0 0 1 1 *" }, sink.Url), "churn-key-" + id, CancellationToken.None);
            await service.DeleteAsync(id, null, removeRuns: true, CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        rows.Add(await CountAsync(clients, (DateTimeOffset.UtcNow - started).TotalSeconds));
        await app.StopAsync();
        var cost = await CostAsync(azurite);
        Report.Table(["seconds", .. Tables], rows.Select(r => (IReadOnlyList<string>)[.. r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!)]));
        Report.Line($"cost: {cost.Runs} runs removed with {cost.Requests} requests ({cost.PerRun:F3} per run): {string.Join(", ", cost.ByOperation.Select(kv => $"{kv.Key} {kv.Value}"))}");
        Report.Write(Name, new { seconds, jobs = Jobs, rows, cost });
    }

    private static JobDefinition Job(string id, ScheduleSpec schedule, string url) =>
        new() { Id = id, Target = new HttpTargetSpec { Url = url }, Schedule = schedule };

    private static async Task<Dictionary<string, object>> CountAsync(StorageClients clients, double seconds)
    {
        var counts = new Dictionary<string, object> { ["seconds"] = Math.Round(seconds) };
        foreach (var table in Tables)
        {
            counts[table] = await TableRows.CountAsync(clients.Table(table));
        }

        return counts;
    }

    /// <summary>A pass of its own over the soak's tables, every ended run past 1 s removed, its requests counted.</summary>
    private static async Task<Cost> CostAsync(BenchAzurite azurite)
    {
        var counter = new StorageRequestCounter();
        var clients = new StorageClients(azurite.Options, counter: counter);
        var options = new RetentionOptions { RunsFor = TimeSpan.FromSeconds(1), CountersFor = TimeSpan.FromDays(1), IdempotencyKeysFor = TimeSpan.FromDays(1), MaxDeletesPerPass = 100_000 };
        var pass = new RetentionPass(new RunRetention(new TableRunStore(clients), new TableJobStore(clients)),
            new TableRunCounterStore(clients), new TableIdempotencyStore(clients), new TableAuditLog(clients), options, TimeProvider.System, NullLogger<RetentionPass>.Instance);
        var report = await pass.RunAsync(CancellationToken.None);
        var requests = counter.Total;
        return new Cost(report.Runs, requests, report.Runs == 0 ? 0 : (double)requests / report.Runs, counter.Snapshot());
    }

    private sealed record Cost(int Runs, long Requests, double PerRun, IReadOnlyDictionary<string, long> ByOperation);
}
