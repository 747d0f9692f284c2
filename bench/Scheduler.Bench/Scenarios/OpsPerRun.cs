using Microsoft.Extensions.DependencyInjection;
using Scheduler.Bench.Infra;
using Scheduler.Core.Config;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Schedules;
using Scheduler.Core.Services;
using Scheduler.Core.Stats;
using Scheduler.Core.Targets;
using Scheduler.Core.Workflow;
using Scheduler.InProcess;
using Scheduler.Storage;
using Scheduler.Storage.Queues;

namespace Scheduler.Bench.Scenarios;

/// <summary>Scenario 2: storage operations per run. The sweep's share is a sweep with the due rows minus an idle sweep (the
/// fixed cost every tick pays); the worker's share is one receive, <see cref="InProcessWorkflow.RunQueuedAsync"/> and the delete of
/// the message, plus the flush of the run counters those runs filled (one write per minute, amortized over the runs that ended in
/// it). Submitting the job is not counted.</summary>
internal static class OpsPerRun
{
    public const string Name = "ops-per-run";
    public const int Target = 12;

    public static async Task RunAsync(BenchArgs args)
    {
        Report.Heading($"{Name}: storage operations per run (no-op HTTP sink on loopback; submit not counted)");
        var cases = await MeasureAsync();
        Report.Heading($"{Name}: per-run storage operations (sweep share = sweep with the rows - idle sweep, divided by the runs)");
        var opNames = cases.SelectMany(c => c.SweepPerRun.Keys.Concat(c.WorkerPerRun.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();
        Report.Table(
            ["operation", .. cases.SelectMany(c => new[] { $"{c.Name}: sweep", "worker" })],
            opNames.Select(op => (IReadOnlyList<string>)
            [
                op, .. cases.SelectMany(c => new[] { Fmt(c.SweepPerRun.GetValueOrDefault(op)), Fmt(c.WorkerPerRun.GetValueOrDefault(op)) }),
            ]).Append(
            [
                "TOTAL", .. cases.SelectMany(c => new[] { Fmt(c.SweepPerRun.Values.Sum()), Fmt(c.WorkerPerRun.Values.Sum()) }),
            ]));
        Report.Table(
            ["case", "runs", "sweep/run", "worker/run", "total/run", $"target <= {Target}", "fixed per sweep (idle)", "receive calls", "all Succeeded"],
            cases.Select(c => (IReadOnlyList<string>)
            [
                c.Name, Report.N(c.Runs), Fmt(c.SweepPerRun.Values.Sum()), Fmt(c.WorkerPerRun.Values.Sum()), Fmt(c.TotalPerRun),
                c.TotalPerRun <= Target ? "met" : $"MISSED by {Fmt(c.TotalPerRun - Target)}", Report.N(c.IdleSweep.Values.Sum()),
                Report.N(c.ReceiveCalls), c.AllSucceeded ? "yes" : "NO",
            ]));
        Report.Line("fixed per sweep (idle, paid every tick whatever runs): " + string.Join(", ", cases[0].IdleSweep.Select(kv => $"{kv.Key} {kv.Value}")));
        Report.Write(Name, new { target = Target, cases });
    }

    /// <summary>The cases over their own fresh Azurite (also the Server's side of the durable scenario).</summary>
    internal static async Task<IReadOnlyList<CaseResult>> MeasureAsync()
    {
        await using var azurite = await BenchAzurite.StartAsync();
        await using var sink = await NoopSink.StartAsync();
        var settings = ServerComposition.BaseSettings(azurite);
        // The queue path this scenario counts (send, receive, delete): the Server would otherwise run the runs its sweep
        // dispatched in process, in the background, and no message would reach the worker measured here.
        settings["Scheduler:Worker:InProcessRuns"] = "0";
        var app = ServerComposition.Build(settings);
        await using var _ = app;
        var services = app.Services;
        await ServerComposition.EnsureStorageAsync(services);
        await services.GetRequiredService<IConfigStore>().PutAsync(new SchedulerConfig { DefaultLaneConcurrency = 64 }, CancellationToken.None);
        using var ops = azurite.NewOpsCounter();
        var bench = new Bench(services, ops, sink);

        // Warm-up (JIT, connections, the sweep state row, slot rows 0..19 inserted once): not reported.
        await bench.CaseAsync("warm-up", 20, recurring: false);
        return
        [
            await bench.CaseAsync("1 once job", 1, recurring: false),
            await bench.CaseAsync("1 recurring job (interval 1 h)", 1, recurring: true),
            await bench.CaseAsync("20 once jobs due at once", 20, recurring: false),
        ];
    }

    private static string Fmt(double value) => value == Math.Floor(value) ? Report.N(value) : Report.N(value, 2);

    private sealed class Bench(IServiceProvider services, StorageOps ops, NoopSink sink)
    {
        private readonly JobService jobService = services.GetRequiredService<JobService>();
        private readonly Sweeper sweeper = services.GetRequiredService<Sweeper>();
        private readonly RunQueueReceiver receiver = services.GetRequiredService<RunQueueReceiver>();
        private readonly InProcessWorkflow workflow = services.GetRequiredService<InProcessWorkflow>();
        private readonly StorageRequestCounter counter = services.GetRequiredService<StorageRequestCounter>();
        private readonly RunCounters counters = services.GetRequiredService<RunCounters>();
        private int created;

        public async Task<CaseResult> CaseAsync(string name, int count, bool recurring)
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < count; i++)
            {
                var definition = new JobDefinition
                {
                    Id = $"ops-{++created}",
                    Target = new HttpTargetSpec { Url = sink.Url },
                    Schedule = recurring
                        ? new ScheduleSpec { Kind = ScheduleKind.Interval, Interval = TimeSpan.FromHours(1) }
                        : new ScheduleSpec { Kind = ScheduleKind.Once, At = now },
                };
                var create = await jobService.CreateAsync(definition, CancellationToken.None);
                if (create.Value is null)
                {
                    throw new InvalidOperationException($"Creating {definition.Id}: {create.Status} {create.Detail} {create.Errors}");
                }
            }

            var (sweep, sweepOps) = await MeasureAsync(() => sweeper.SweepAsync(CancellationToken.None));
            if (sweep.Count(RowOutcome.Dispatched) != count)
            {
                throw new InvalidOperationException($"{name}: the sweep dispatched {sweep.Count(RowOutcome.Dispatched)} of {count}.");
            }

            var (idle, idleOps) = await MeasureAsync(() => sweeper.SweepAsync(CancellationToken.None));
            if (idle.RowsRead != 0)
            {
                throw new InvalidOperationException($"{name}: the idle sweep read {idle.RowsRead} rows.");
            }

            // Messages are sent with a zero delay and become visible within ~75 ms on Azurite: wait, so no receive comes back empty.
            await Task.Delay(1000);
            var receiveCalls = 0;
            var succeeded = 0;
            var (_, workerOps) = await MeasureAsync(async () =>
            {
                var received = new List<ReceivedRun>();
                while (received.Count < count && receiveCalls < 20)
                {
                    receiveCalls++;
                    received.AddRange(await receiver.ReceiveAsync(count - received.Count, TimeSpan.FromMinutes(1), CancellationToken.None));
                }

                foreach (var message in received)
                {
                    var processed = await workflow.RunQueuedAsync(message.Message, CancellationToken.None);
                    succeeded += processed.Outcome?.Status == RunStatus.Succeeded ? 1 : 0;
                    await receiver.DeleteAsync(message, CancellationToken.None);
                }

                // What the host's RunCounterFlusher does for these runs once their minute has ended: one write per minute, shared by them all.
                await counters.FlushAsync(null, CancellationToken.None);
                return received.Count;
            });

            var sweepPerRun = sweepOps.Keys.Union(idleOps.Keys)
                .Select(k => (k, v: (sweepOps.GetValueOrDefault(k) - idleOps.GetValueOrDefault(k)) / (double)count))
                .Where(x => x.v != 0).ToDictionary(x => x.k, x => x.v, StringComparer.Ordinal);
            var workerPerRun = workerOps.ToDictionary(kv => kv.Key, kv => kv.Value / (double)count, StringComparer.Ordinal);
            var result = new CaseResult(name, count, sweepPerRun, workerPerRun, sweepPerRun.Values.Sum() + workerPerRun.Values.Sum(),
                sweepOps, idleOps, workerOps, receiveCalls, succeeded == count);
            Report.Line($"{name}: sweep {sweepOps.Values.Sum()} calls, idle sweep {idleOps.Values.Sum()}, worker {workerOps.Values.Sum()} -> {Fmt(result.TotalPerRun)} per run; {succeeded}/{count} Succeeded");
            return result;
        }

        private async Task<(T Result, IReadOnlyDictionary<string, long> Ops)> MeasureAsync<T>(Func<Task<T>> action)
        {
            counter.Reset();
            ops.Reset();
            var result = await action();
            var byOp = ops.Snapshot();
            if (byOp.Values.Sum() != counter.Total)
            {
                throw new InvalidOperationException($"The operation breakdown saw {byOp.Values.Sum()} requests, StorageRequestCounter {counter.Total}: {string.Join(", ", counter.Snapshot())}");
            }

            return (result, byOp);
        }
    }

    internal sealed record CaseResult(
        string Name, int Runs,
        IReadOnlyDictionary<string, double> SweepPerRun, IReadOnlyDictionary<string, double> WorkerPerRun, double TotalPerRun,
        IReadOnlyDictionary<string, long> Sweep, IReadOnlyDictionary<string, long> IdleSweep, IReadOnlyDictionary<string, long> Worker,
        int ReceiveCalls, bool AllSucceeded);
}
