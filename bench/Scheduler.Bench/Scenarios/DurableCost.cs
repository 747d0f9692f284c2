using Microsoft.Extensions.DependencyInjection;
using Scheduler.Bench.Infra;
using Scheduler.Core.Config;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Functions.Tests.Durable;
using Scheduler.Storage;

namespace Scheduler.Bench.Scenarios;

/// <summary>Storage requests per one-attempt run on the Functions host's Durable path. Everything runs (Durable's backend
/// polling its queues and renewing its leases, the queue trigger's listener polling the runs queue), so each case is a fixed
/// window: jobs created first (not counted), one timer sweep once they are ~4 s from due that dispatches them, the
/// orchestrations wait for the due time and run to completion, the window ends <see cref="Window"/> after the sweep. The same window with nothing to do (idle) and one idle
/// sweep are measured first and subtracted: that idle cost is stated apart (it is paid whether anything runs or not).</summary>
internal static class DurableCost
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(25);

    /// <summary>The harness's <c>Scheduler:Sweep:Lookahead</c>.</summary>
    private static readonly TimeSpan Lookahead = TimeSpan.FromSeconds(5);

    public static async Task<CostResult> RunAsync()
    {
        await using var azurite = await BenchAzurite.StartAsync();
        await using var sink = await NoopSink.StartAsync();
        var appRequests = new StorageRequestCounter();
        var durable = new DurableOps(FunctionsRunHost.HubName);
        using var named = new StorageOps(azurite.TablePort, azurite.QueuePort, azurite.Options.TablePrefix, FunctionsRunHost.HubName);
        var settings = FunctionsRunHost.Settings(azurite) with { AppRequests = appRequests, DurableStoragePolicy = durable.PolicyFor };
        await using var app = await FunctionsApp.StartAsync(settings);
        var driver = new AppDriver(app);
        await app.Services.GetRequiredService<IConfigStore>().PutAsync(new SchedulerConfig { DefaultLaneConcurrency = 64 }, CancellationToken.None);
        var counters = new Counters(appRequests, durable, named);
        var created = 0;

        async Task<Sample> CaseAsync(int runs)
        {
            // Due beyond the lookahead, so the sweep that creating a job kicks off in the background leaves them to the
            // window's timer sweep, run once they are within the lookahead.
            var due = AppDriver.In(Lookahead.TotalSeconds + 4);
            var ids = new List<(string Job, string Run)>();
            for (var i = 0; i < runs; i++)
            {
                var job = $"cost-{++created}";
                ids.Add((job, await driver.CreateOnceJobAsync(job, sink.Url, due)));
            }

            var untilSweep = due - Lookahead + TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow;
            if (untilSweep <= TimeSpan.Zero)
            {
                throw new InvalidOperationException($"Creating {runs} jobs outlasted the time before their dispatch.");
            }

            await Task.Delay(untilSweep);
            var before = sink.Received;
            var sample = await counters.WindowAsync(driver.SweepAsync);
            var rows = await Task.WhenAll(ids.Select(id => driver.Runs.GetAsync(id.Job, id.Run, CancellationToken.None)));
            var instances = await Task.WhenAll(ids.Select(id => app.Client.GetInstanceAsync(id.Run)));
            var good = rows.Count(r => r is { Status: RunStatus.Succeeded, AttemptCount: 1 });
            var completed = instances.Count(i => i?.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed);
            if (good != runs || completed != runs || sink.Received - before != runs)
            {
                throw new InvalidOperationException($"{runs} runs: {good} Succeeded with one attempt, {completed} instances Completed, {sink.Received - before} sink hits within the window.");
            }

            return sample;
        }

        await CaseAsync(5); // warm-up: JIT, connections, the sweep state and slot rows; not reported
        var idle = await counters.WindowAsync(() => Task.CompletedTask);
        var idleSweep = await counters.WindowAsync(driver.SweepAsync, TimeSpan.Zero);
        Report.Line($"idle {Window.TotalSeconds:0} s: app {idle.App.Values.Sum()} requests, Durable {idle.Durable.Values.Sum()}; one idle sweep: app {idleSweep.App.Values.Sum()}");
        var cases = new List<CostCase>();
        foreach (var runs in new[] { 1, 20 })
        {
            var sample = await CaseAsync(runs);
            var perRun = sample.PerRun(idle, idleSweep, runs);
            cases.Add(perRun);
            Report.Line($"{runs} run(s): app {Report.N(perRun.App.Values.Sum(), 2)} per run, Durable {Report.N(perRun.Durable.Values.Sum(), 2)} per run");
        }

        return new CostResult(Window.TotalSeconds, idle, idleSweep, cases);
    }

    internal sealed record CostResult(double WindowSeconds, Sample Idle, Sample IdleSweep, IReadOnlyList<CostCase> Cases);

    internal sealed record CostCase(
        int Runs, IReadOnlyDictionary<string, double> App, IReadOnlyDictionary<string, double> AppByMethod,
        IReadOnlyDictionary<string, double> Durable, IReadOnlyDictionary<string, double> DurableByMethod, Sample Raw)
    {
        public double AppTotal => App.Values.Sum();
        public double DurableTotal => Durable.Values.Sum();
        public double Total => AppTotal + DurableTotal;
    }
}
