using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Bench.Infra;
using Scheduler.Core.Config;
using Scheduler.Core.Ports;
using Scheduler.Core.Services;
using Scheduler.Core.Runs;
using Scheduler.Storage;

namespace Scheduler.Bench.Scenarios;

/// <summary>Scenario 3: N jobs due at the same instant, budget 64, the Server's sweep loop (1 s tick) and RunWorker
/// (parallelism 64) hosted in process through AddSchedulerServer; completed runs per second and lateness from the run rows.
/// Beside it, Azurite's own ceiling for the same per-run operation mix driven through the raw SDK at 64 in flight.</summary>
internal static class Throughput
{
    public const string Name = "throughput";
    private const int Budget = 64;
    private static readonly TimeSpan DueAfter = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    public static async Task RunAsync(BenchArgs args)
    {
        var n = args.N ?? 1000;
        Report.Heading($"{Name}: {Report.N(n)} jobs due at one instant ~{DueAfter.TotalSeconds:0} s after creation, budget {Budget}, worker parallelism {Budget}, tick 1 s");
        var scheduler = await SchedulerAsync(n);
        Report.Heading($"{Name}: Azurite's ceiling for the same per-run operation mix, raw SDK, {Budget} in flight, {Report.N(n)} cycles");
        var ceiling = await RawCycle.RunAsync(n, Budget);

        Report.Heading($"{Name}: results");
        Report.Table(
            ["what", "runs or cycles", "per second", "storage ops/s", "ops per run", "lateness p50 / p95 / p99 ms", "all Succeeded", "load avg"],
            [
                [
                    "Scheduler (sweep loop + RunWorker)", Report.N(scheduler.Completed), Report.N(scheduler.RunsPerSecond, 1),
                    Report.N(scheduler.StorageOpsPerSecond), Report.N(scheduler.OpsPerRun, 1),
                    $"{Report.N(scheduler.LatenessP50Ms)} / {Report.N(scheduler.LatenessP95Ms)} / {Report.N(scheduler.LatenessP99Ms)}",
                    scheduler.Succeeded == n ? "yes" : $"NO ({scheduler.Succeeded}/{n})", Report.N(scheduler.LoadAverage, 1),
                ],
                [
                    "Azurite ceiling (raw SDK, same mix)", Report.N(ceiling.Cycles), Report.N(ceiling.CyclesPerSecond, 1),
                    Report.N(ceiling.OpsPerSecond), Report.N(ceiling.OpsPerCycle, 1), "-", "-", Report.N(ceiling.LoadAverage, 1),
                ],
            ]);
        Report.Line($"scheduler at {Report.N(100 * scheduler.RunsPerSecond / ceiling.CyclesPerSecond)}% of Azurite's ceiling for its mix; " +
            $"{Report.N(scheduler.Sweeps)} sweeps ran between the due instant and the last run");
        // The standard run is N = 1,000; other sizes (pushing Azurite harder) keep their own file.
        Report.Write(n == 1000 ? Name : $"{Name}-n{n}", new { n, budget = Budget, workerParallelism = Budget, tickSeconds = 1, scheduler, ceiling });
    }

    private static async Task<SchedulerResult> SchedulerAsync(int n)
    {
        await using var azurite = await BenchAzurite.StartAsync();
        await using var sink = await NoopSink.StartAsync();
        var settings = ServerComposition.BaseSettings(azurite);
        settings["Scheduler:Sweep:Tick"] = "00:00:01";
        settings["Scheduler:Sweep:Lookahead"] = "00:00:02";
        settings["Scheduler:Worker:Parallelism"] = Budget.ToString(CultureInfo.InvariantCulture);
        var app = ServerComposition.Build(settings);
        await using var _ = app;
        await app.StartAsync();
        var services = app.Services;
        await services.GetRequiredService<IConfigStore>().PutAsync(new SchedulerConfig { DefaultLaneConcurrency = Budget }, CancellationToken.None);
        var counter = services.GetRequiredService<StorageRequestCounter>();
        using var ops = azurite.NewOpsCounter();
        using var meters = new SchedulerMeters();

        var created = DateTimeOffset.UtcNow;
        var dueUtc = created + DueAfter;
        // Created through the job service, as the API creates them on this host (which then dispatches them without reading them).
        var jobService = services.GetRequiredService<JobService>();
        var seeding = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            var definition = Seeder.OnceJob($"tp-{i:D6}", dueUtc, DateTimeOffset.UtcNow, sink.Url).Definition;
            var result = await jobService.CreateAsync(definition, ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Creating {definition.Id} answered {result.Status}: {result.Detail}");
            }
        });
        var seed = seeding.Elapsed;
        Report.Line($"seeded {Report.N(n)} jobs due at {dueUtc:HH:mm:ss.fff} in {Report.N(seed.TotalSeconds, 1)} s");
        if (DateTimeOffset.UtcNow > dueUtc - TimeSpan.FromSeconds(3))
        {
            Report.Line("warning: seeding took so long that the jobs are due almost at once");
        }

        // Before the due instant the rows sit in the due table, not yet due: what do the sweeps cost meanwhile?
        counter.Reset();
        meters.Reset();
        var waiting = Stopwatch.StartNew();
        await Task.Delay(Max(TimeSpan.Zero, dueUtc - DateTimeOffset.UtcNow));
        var waitingSeconds = waiting.Elapsed.TotalSeconds;
        var waitingSweeps = meters["scheduler.sweep.completed"];
        var waitingRequests = counter.Total;
        Report.Line($"waiting for the due instant: {Report.N(waitingSeconds, 1)} s, {waitingSweeps} sweeps, {Report.N(waitingRequests)} storage requests ({Report.N(waitingRequests / Math.Max(waitingSeconds, 0.001))}/s)");

        // Count from the due instant: what the scheduler spends while the backlog drains.
        counter.Reset();
        ops.Reset();
        meters.Reset();
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (sink.Received < n && clock.Elapsed < Deadline)
        {
            await Task.Delay(200);
            if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(5))
            {
                lastReport = clock.Elapsed;
                Report.Line($"{clock.Elapsed.TotalSeconds,5:0}s: {sink.Received} attempts made, {meters["scheduler.sweep.completed"]} sweeps, {counter.Total} storage requests");
            }
        }

        var runs = services.GetRequiredService<IRunStore>();
        List<Run> rows = [];
        while (clock.Elapsed < Deadline)
        {
            rows = (await runs.ListCreatedSinceAsync(created - TimeSpan.FromMinutes(1), CancellationToken.None)).Where(r => r.JobId.StartsWith("tp-", StringComparison.Ordinal)).ToList();
            if (rows.Count == n && rows.All(r => r.Status.IsTerminal()))
            {
                break;
            }

            await Task.Delay(500);
        }

        var elapsed = clock.Elapsed;
        var requests = counter.Total;
        var byOp = ops.Snapshot();
        var sweeps = meters["scheduler.sweep.completed"];
        var meterSnapshot = meters.Snapshot();
        await app.StopAsync();

        var succeeded = rows.Where(r => r.Status == RunStatus.Succeeded).ToList();
        var statuses = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key.ToString(), g => g.Count(), StringComparer.Ordinal);
        Report.Line($"run rows: {rows.Count} ({string.Join(", ", statuses.Select(kv => $"{kv.Key} {kv.Value}"))}); sink received {sink.Received}");
        if (succeeded.Count == 0)
        {
            throw new InvalidOperationException("No run succeeded.");
        }

        var firstStart = succeeded.Min(r => r.StartedUtc!.Value);
        var lastFinish = succeeded.Max(r => r.FinishedUtc!.Value);
        var span = (lastFinish - firstStart).TotalSeconds;
        var lateness = succeeded.Select(r => r.LatenessMs ?? double.NaN).Where(l => !double.IsNaN(l)).ToList();
        var result = new SchedulerResult(
            n, rows.Count, succeeded.Count, statuses, Math.Round(span, 3), succeeded.Count / span,
            Math.Round((lastFinish - dueUtc).TotalSeconds, 3),
            Stats.Percentile(lateness, 50), Stats.Percentile(lateness, 95), Stats.Percentile(lateness, 99), lateness.Max(),
            requests, requests / (double)succeeded.Count, requests / elapsed.TotalSeconds, sweeps, byOp, meterSnapshot, seed.TotalSeconds, ProcStatus.LoadAverage(), Math.Round(waitingSeconds, 2), waitingSweeps, waitingRequests);
        Report.Line($"first attempt {firstStart:HH:mm:ss.fff}, last Succeeded {lastFinish:HH:mm:ss.fff}: {Report.N(span, 2)} s -> {Report.N(result.RunsPerSecond, 1)} runs/s");
        Report.Line($"storage requests from the due instant to the end: {Report.N(requests)} ({Report.N(result.OpsPerRun, 1)} per run, {sweeps} sweeps); by operation:");
        Report.Table(["operation", "requests", "per run"], byOp.OrderByDescending(kv => kv.Value).Select(kv => (IReadOnlyList<string>)[kv.Key, Report.N(kv.Value), Report.N(kv.Value / (double)succeeded.Count, 2)]));
        return result;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    internal sealed record SchedulerResult(
        int Jobs, int RunRows, int Succeeded, IReadOnlyDictionary<string, int> Statuses,
        double FirstStartToLastSucceededSeconds, double RunsPerSecond, double DueToLastSucceededSeconds,
        double LatenessP50Ms, double LatenessP95Ms, double LatenessP99Ms, double LatenessMaxMs,
        long StorageRequests, double OpsPerRun, double StorageOpsPerSecond, long Sweeps,
        IReadOnlyDictionary<string, long> RequestsByOperation, IReadOnlyDictionary<string, long> SchedulerCounters, double SeedSeconds, double LoadAverage,
        double BeforeDueSeconds, long BeforeDueSweeps, long BeforeDueStorageRequests)
    {
        public int Completed => Succeeded;
    }
}
