using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Bench.Infra;
using Scheduler.Core.Config;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using Scheduler.Storage;

namespace Scheduler.Bench.Scenarios;

/// <summary>Scenario 1: the storage calls and wall time of one sweep that dispatches 10 due jobs, and of an idle sweep,
/// with 0, 10,000 and 100,000 future jobs in storage. The sweep reads only the buckets from its cursor to now + lookahead,
/// so its cost must not grow with the number of jobs.</summary>
internal static class SweepCost
{
    public const string Name = "sweep-cost";
    private const int DueNow = 10;
    private const int Repeats = 5;
    private static readonly TimeSpan SeedBudget = TimeSpan.FromMinutes(40);

    public static async Task RunAsync(BenchArgs args)
    {
        Report.Heading($"{Name}: one sweep dispatching {DueNow} due jobs, and one idle sweep, as the number of future jobs grows (median of {Repeats})");
        var sizes = args.Sizes ?? [0, 10_000, 100_000];
        var results = new List<SizeResult>();
        foreach (var size in sizes)
        {
            results.Add(await MeasureAsync(size));
            // Written after every size, so that the sizes measured survive a later one failing.
            Report.Write(Name, new { dueNowPerSweep = DueNow, repeats = Repeats, complete = results.Count == sizes.Count, sizes = results });
        }

        Report.Heading($"{Name}: results (median of {Repeats} sweeps each; storage calls counted by StorageRequestCounter)");
        Report.Table(
            ["future jobs", "seed time", "dispatch sweep: calls", "ms", "idle sweep: calls", "ms", "raw due query ms", "raw job read ms", "dispatched", "load avg"],
            results.Select(r => (IReadOnlyList<string>)
            [
                Report.N(r.FutureJobs), r.SeedSeconds is { } s ? Report.N(s, 1) + " s" : "-",
                Report.N(r.DispatchCalls), Report.Ms(r.DispatchMs), Report.N(r.IdleCalls), Report.Ms(r.IdleMs), Report.Ms(r.RawDueQueryMs), Report.Ms(r.RawJobReadMs),
                $"{r.Dispatched}/{DueNow}", Report.N(r.LoadAverage, 1),
            ]));
        Report.Line("storage calls by operation (median per sweep):");
        var ops = results.SelectMany(r => r.DispatchOps.Keys.Concat(r.IdleOps.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();
        Report.Table(
            ["operation", .. results.Select(r => $"dispatch @{Report.N(r.FutureJobs)}"), .. results.Select(r => $"idle @{Report.N(r.FutureJobs)}")],
            ops.Select(op => (IReadOnlyList<string>)
            [
                op, .. results.Select(r => Report.N(r.DispatchOps.GetValueOrDefault(op))), .. results.Select(r => Report.N(r.IdleOps.GetValueOrDefault(op))),
            ]));
        Report.Line("raw due query / raw job read = the sweep's due-table range query and one of its job point reads, timed alone through the SDK.");
        Report.Line("Azurite (LokiJS) finds an entity through its RowKey index first; every job row has RowKey 'job', so on Azurite a job");
        Report.Line("read (and insert) scans the jobs table: its time, not its count, grows with the number of jobs. Azure indexes PartitionKey+RowKey.");
    }

    private static async Task<SizeResult> MeasureAsync(int futureJobs)
    {
        Report.Heading($"{Name}: {Report.N(futureJobs)} future jobs");
        var requested = futureJobs;
        await using var azurite = await BenchAzurite.StartAsync();
        var app = ServerComposition.Build(ServerComposition.BaseSettings(azurite));
        await using var _ = app;
        var services = app.Services;
        await ServerComposition.EnsureStorageAsync(services);
        var jobs = services.GetRequiredService<IJobStore>();
        var due = services.GetRequiredService<IDueIndex>();
        var sweeper = services.GetRequiredService<Sweeper>();
        var counter = services.GetRequiredService<StorageRequestCounter>();
        using var ops = azurite.NewOpsCounter();
        // Dispatched runs keep their slots (no worker here): a budget above (1 + Repeats) * DueNow keeps every sweep unthrottled.
        await services.GetRequiredService<IConfigStore>().PutAsync(new SchedulerConfig { DefaultLaneConcurrency = 100 }, CancellationToken.None);

        double? seedSeconds = null;
        if (futureJobs > 0)
        {
            var start = DateTimeOffset.UtcNow;
            var random = new Random(futureJobs);
            // Due 1 h to 24 h ahead, to the second: spread over ~1,380 minute buckets.
            var offsets = Enumerable.Range(0, futureJobs).Select(_ => TimeSpan.FromSeconds(3600 + random.Next(23 * 3600))).ToArray();
            // Azurite finds a job row through its RowKey index, and every job row has RowKey "job": each insert scans the jobs table,
            // so seeding slows as the table grows (quadratic in all). Past 10,000 jobs fewer requests in flight keep each one
            // under the storage timeout; past the time budget the sweep is measured with the jobs written so far.
            var parallelism = futureJobs > 10_000 ? 16 : 64;
            using var budget = new CancellationTokenSource(SeedBudget);
            var seeding = Task.Run(() => Seeder.SeedCountingAsync(jobs, due, "future", futureJobs, i => start + offsets[i], parallelism: parallelism, cancellationToken: budget.Token));
            var last = 0L;
            while (await Task.WhenAny(seeding, Task.Delay(10_000)) != seeding)
            {
                var seeded = counter.Total / 2;
                Report.Line($"seeding... {Report.N(seeded)} jobs ({Report.N((seeded - last) / 10.0)} jobs/s over the last 10 s)");
                last = seeded;
            }

            var (elapsed, written) = await seeding;
            seedSeconds = elapsed.TotalSeconds;
            Report.Line($"seeded {Report.N(written)} future jobs (IJobStore.InsertAsync + IDueIndex.AddAsync, {parallelism} in flight) in {Report.N(elapsed.TotalSeconds, 1)} s = {Report.N(written / elapsed.TotalSeconds)} jobs/s");
            if (written < futureJobs)
            {
                Report.Line($"SEEDING STOPPED after {SeedBudget.TotalMinutes:0} min at {Report.N(written)} of {Report.N(futureJobs)} jobs: measured with {Report.N(written)}");
            }

            futureJobs = written;
        }

        var dispatch = new List<(long Calls, double Ms, IReadOnlyDictionary<string, long> Ops, int Dispatched)>();
        var idle = new List<(long Calls, double Ms, IReadOnlyDictionary<string, long> Ops)>();
        var rawQuery = new List<double>();
        var rawJobRead = new List<double>();
        var rawClient = new TableServiceClient(azurite.ConnectionString);
        var table = rawClient.GetTableClient(azurite.Options.TablePrefix + TableNames.Due);
        var jobsTable = rawClient.GetTableClient(azurite.Options.TablePrefix + TableNames.Jobs);
        for (var round = 0; round <= Repeats; round++)
        {
            // Round 0 warms up (JIT, connections, the sweep state row) and is not counted.
            var now = DateTimeOffset.UtcNow;
            await Seeder.SeedAsync(jobs, due, $"now{round}", DueNow, _ => now, parallelism: DueNow);

            var (report, calls, ms, byOp) = await SweepAsync(sweeper, counter, ops);
            var (idleReport, idleCalls, idleMs, idleOps) = await SweepAsync(sweeper, counter, ops);
            if (idleReport.RowsRead != 0)
            {
                Report.Line($"round {round}: the idle sweep read {idleReport.RowsRead} rows");
            }

            var rawClock = Stopwatch.StartNew();
            var from = DueBuckets.Of(DateTimeOffset.UtcNow - TimeSpan.FromMinutes(2));
            var to = DueBuckets.Of(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(7));
            var rows = 0;
            await foreach (var _e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey le {to}"), 1000))
            {
                rows++;
            }

            var rawMs = rawClock.Elapsed.TotalMilliseconds;
            rawClock.Restart();
            await jobsTable.GetEntityAsync<TableEntity>($"now{round}-0", "job");
            var rawJobReadMs = rawClock.Elapsed.TotalMilliseconds;
            if (round == 0)
            {
                continue;
            }

            dispatch.Add((calls, ms, byOp, report.Count(RowOutcome.Dispatched)));
            idle.Add((idleCalls, idleMs, idleOps));
            rawQuery.Add(rawMs);
            rawJobRead.Add(rawJobReadMs);
            Report.Line($"round {round}: dispatch sweep {calls} calls {Report.Ms(ms)} ms ({report.Count(RowOutcome.Dispatched)} dispatched); idle sweep {idleCalls} calls {Report.Ms(idleMs)} ms; raw due query {Report.Ms(rawMs)} ms ({rows} rows); raw job read {Report.Ms(rawJobReadMs)} ms");
        }

        return new SizeResult(
            futureJobs, requested, seedSeconds,
            Stats.Median(dispatch.Select(d => (double)d.Calls)), Stats.Median(dispatch.Select(d => d.Ms)), MedianOps(dispatch.Select(d => d.Ops)),
            Stats.Median(idle.Select(d => (double)d.Calls)), Stats.Median(idle.Select(d => d.Ms)), MedianOps(idle.Select(d => d.Ops)),
            Stats.Median(rawQuery), Stats.Median(rawJobRead), (int)Stats.Median(dispatch.Select(d => (double)d.Dispatched)),
            dispatch.Select(d => d.Ms).ToList(), idle.Select(d => d.Ms).ToList(), ProcStatus.LoadAverage());
    }

    private static async Task<(SweepReport Report, long Calls, double Ms, IReadOnlyDictionary<string, long> Ops)> SweepAsync(Sweeper sweeper, StorageRequestCounter counter, StorageOps ops)
    {
        counter.Reset();
        ops.Reset();
        var clock = Stopwatch.StartNew();
        var report = await sweeper.SweepAsync(CancellationToken.None);
        var ms = clock.Elapsed.TotalMilliseconds;
        var calls = counter.Total;
        if (ops.Total != calls)
        {
            Report.Line($"note: the operation breakdown saw {ops.Total} requests, StorageRequestCounter {calls}");
        }

        return (report, calls, ms, ops.Snapshot());
    }

    private static Dictionary<string, double> MedianOps(IEnumerable<IReadOnlyDictionary<string, long>> samples)
    {
        var list = samples.ToList();
        return list.SelectMany(s => s.Keys).Distinct().ToDictionary(k => k, k => Stats.Median(list.Select(s => (double)s.GetValueOrDefault(k))), StringComparer.Ordinal);
    }

    internal sealed record SizeResult(
        int FutureJobs, int RequestedJobs, double? SeedSeconds,
        double DispatchCalls, double DispatchMs, IReadOnlyDictionary<string, double> DispatchOps,
        double IdleCalls, double IdleMs, IReadOnlyDictionary<string, double> IdleOps,
        double RawDueQueryMs, double RawJobReadMs, int Dispatched, IReadOnlyList<double> DispatchMsSamples, IReadOnlyList<double> IdleMsSamples, double LoadAverage);
}
