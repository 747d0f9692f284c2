using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Bench.Infra;
using Scheduler.Core.Config;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Functions.Tests.Durable;
using Scheduler.Storage;
using Scheduler.Functions.Triggers;
using Scheduler.Testing;

namespace Scheduler.Bench.Scenarios;

/// <summary>Scenario <c>durable-purge</c>: what the Functions host's hourly <see cref="RetentionTimer"/> costs in storage
/// requests when it purges Durable's history. The app on the production backend (DurableTask.AzureStorage over Azurite) with
/// <c>Scheduler:Retention:DurableHistoryFor</c> at 1 s and the other retention settings at their defaults; per case, N
/// once-jobs run to completion (swept every second, not counted), then the timer is invoked as the host would and every
/// storage request is counted for a window of at least <see cref="Window"/> that holds the whole pass; an idle window of the
/// same length right after it (Durable polls its queues all the time) is subtracted. Rows of the hub's History and Instances
/// tables are counted (keys only) before and after the pass.</summary>
internal static class DurablePurgeCost
{
    public const string Name = "durable-purge";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(15);
    private static readonly int[] Sizes = [50, 200];

    public static async Task RunAsync(BenchArgs args)
    {
        Report.Heading($"{Name}: storage requests of the retention timer's Durable purge, per purged instance (idle window subtracted)");
        await using var azurite = await BenchAzurite.StartAsync();
        await using var sink = await NoopSink.StartAsync();
        var appRequests = new StorageRequestCounter();
        var durable = new DurableOps(FunctionsRunHost.HubName);
        using var named = new StorageOps(azurite.TablePort, azurite.QueuePort, azurite.Options.TablePrefix, FunctionsRunHost.HubName);
        var settings = FunctionsRunHost.Settings(azurite) with
        {
            AppRequests = appRequests,
            DurableStoragePolicy = durable.PolicyFor,
            Overrides = new Dictionary<string, string?> { ["Scheduler:Retention:DurableHistoryFor"] = "00:00:01" },
        };
        await using var app = await FunctionsApp.StartAsync(settings);
        await app.Services.GetRequiredService<IConfigStore>().PutAsync(new SchedulerConfig { DefaultLaneConcurrency = 64 }, CancellationToken.None);
        var hub = new HubRows(azurite.ConnectionString, FunctionsRunHost.HubName);
        var bench = new Case(app, new Counters(appRequests, durable, named), hub, sink.Url);

        await bench.RunAsync("warm", 5); // JIT, connections, the slot rows and a first purge; not reported
        var cases = new List<PurgeCase>();
        foreach (var size in args.Sizes ?? Sizes)
        {
            var result = await bench.RunAsync($"purge{size}", size);
            cases.Add(result);
            Report.Line($"{size} instances: {result.PassSeconds:0.00} s, Durable {Report.N(result.DurablePerInstance, 2)} requests per instance, app {Report.N(result.App.Values.Sum())} in the pass; " +
                $"History {result.HistoryBefore} -> {result.HistoryAfter} rows, Instances {result.InstancesBefore} -> {result.InstancesAfter}");
        }

        DurablePurgeReport.Print(cases);
        Report.Write(Name, new { windowSeconds = Window.TotalSeconds, durableHistoryFor = "00:00:01", hostJson = HostJson.Read(), cases });
    }

    /// <summary>One case: the runs made, then the timer's pass measured against an idle window of the same length.</summary>
    private sealed class Case(FunctionsApp app, Counters counters, HubRows hub, string url)
    {
        private readonly AppDriver driver = new(app);

        public async Task<PurgeCase> RunAsync(string prefix, int size)
        {
            var since = DateTimeOffset.UtcNow.AddSeconds(-1);
            var due = AppDriver.In(2);
            var runIds = new List<string>();
            for (var i = 0; i < size; i++)
            {
                runIds.Add(await driver.CreateOnceJobAsync($"{prefix}-{i:D4}", url, due));
            }

            await Eventually.GetAsync(async () =>
            {
                await driver.SweepAsync();
                return (await driver.Runs.ListCreatedSinceAsync(since, CancellationToken.None)).Count(r => r.Status == RunStatus.Succeeded);
            }, n => n == size, TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1), $"{size} runs Succeeded");
            foreach (var id in runIds)
            {
                await Eventually.GetAsync(() => app.Client.GetInstanceAsync(id), i => i?.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
                    AppDriver.RunTimeout, TimeSpan.FromMilliseconds(200), $"instance {id} Completed");
            }

            // Every instance past the 1 s retention, and Durable's queue polling backed off to its idle pace.
            await Task.Delay(TimeSpan.FromSeconds(5));
            var historyBefore = await hub.CountAsync("History");
            var instancesBefore = await hub.CountAsync("Instances");
            var clock = new Stopwatch();
            var pass = await counters.WindowAsync(async () =>
            {
                clock.Start();
                await app.Function<RetentionTimer>().Run(new TimerInfo(), app.Client, app.Context(nameof(RetentionTimer)));
                clock.Stop();
            }, Window);
            var idle = await counters.WindowAsync(() => Task.CompletedTask, TimeSpan.FromSeconds(pass.Seconds));
            var historyAfter = await hub.CountAsync("History");
            var instancesAfter = await hub.CountAsync("Instances");
            var left = await Task.WhenAll(runIds.Select(id => app.Client.GetInstanceAsync(id)));
            if (left.Any(i => i is not null) || historyAfter >= historyBefore || instancesAfter >= instancesBefore)
            {
                throw new InvalidOperationException($"{size} instances: {left.Count(i => i is not null)} not purged; History {historyBefore} -> {historyAfter}, Instances {instancesBefore} -> {instancesAfter}.");
            }

            var net = pass.PerRun(idle, Empty, 1);
            return new PurgeCase(size, Math.Round(clock.Elapsed.TotalSeconds, 2), pass.Seconds, historyBefore, historyAfter, instancesBefore, instancesAfter,
                net.Durable, net.DurableByMethod, net.App, net.AppByMethod, pass, idle);
        }
    }

    private static readonly Sample Empty = new(0, new Dictionary<string, long>(), new Dictionary<string, long>(), new Dictionary<string, long>(), new Dictionary<string, long>());

    /// <summary>Counts the rows of the task hub's tables with a client of its own (not counted), keys only.</summary>
    private sealed class HubRows(string connectionString, string hubName)
    {
        private readonly TableServiceClient service = new(connectionString);

        public Task<int> CountAsync(string table) => TableRows.CountAsync(service.GetTableClient(hubName + table));
    }

    internal sealed record PurgeCase(
        int Instances, double PassSeconds, double WindowSeconds, int HistoryBefore, int HistoryAfter, int InstancesBefore, int InstancesAfter,
        IReadOnlyDictionary<string, double> Durable, IReadOnlyDictionary<string, double> DurableByMethod,
        IReadOnlyDictionary<string, double> App, IReadOnlyDictionary<string, double> AppByMethod, Sample Pass, Sample Idle)
    {
        /// <summary>Durable's requests in the pass net of the idle window, by operation (and in all) per purged instance.</summary>
        public double DurablePerInstance => Math.Round(Durable.Values.Sum() / Instances, 3);
    }
}
