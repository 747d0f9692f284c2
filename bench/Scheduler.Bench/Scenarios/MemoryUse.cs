using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Bench.Infra;
using Scheduler.Core.Config;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Storage;

namespace Scheduler.Bench.Scenarios;

/// <summary>Scenario 5: the Server process's memory (RSS from /proc, GC heap after a forced full GC) idle and after 2,500 /
/// 5,000 / 7,500 / 10,000 runs of once-jobs due in waves of 50 every 2 s (25 runs/s, slow enough for Azurite's queue clean-up).
/// It must not grow with the number of runs.</summary>
internal static class MemoryUse
{
    public const string Name = "memory";
    private const int WaveSize = 50;
    private static readonly TimeSpan WaveEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SeedAhead = TimeSpan.FromSeconds(6);

    public static async Task RunAsync(BenchArgs args)
    {
        var total = args.Runs ?? 10_000;
        var checkpoints = Enumerable.Range(1, 4).Select(i => total * i / 4).ToList();
        Report.Heading($"{Name}: Server process memory idle and after {string.Join(" / ", checkpoints.Select(c => Report.N(c)))} runs ({WaveSize / WaveEvery.TotalSeconds:0} runs/s in waves)");
        await using var azurite = await BenchAzurite.StartAsync();
        await using var sink = await NoopSink.StartAsync();
        var settings = ServerComposition.BaseSettings(azurite);
        // A 1 s tick so that one lane's budget (64 per sweep) can carry 25 runs/s; the worker keeps its default parallelism (16).
        settings["Scheduler:Sweep:Tick"] = "00:00:01";
        settings["Scheduler:Sweep:Lookahead"] = "00:00:02";
        await using var server = await ChildServer.StartAsync(settings);

        var storage = new ServiceCollection().AddSchedulerStorage(o => Copy(azurite.Options, o)).BuildServiceProvider();
        await using var _ = storage;
        var jobs = storage.GetRequiredService<IJobStore>();
        var due = storage.GetRequiredService<IDueIndex>();
        await storage.GetRequiredService<IConfigStore>().PutAsync(new SchedulerConfig { DefaultLaneConcurrency = 64 }, CancellationToken.None);

        var samples = new List<Sample>();
        await Task.Delay(TimeSpan.FromSeconds(15));
        samples.Add(await SampleAsync(server, 0, "idle (15 s after start)"));
        var started = DateTimeOffset.UtcNow;
        var seeded = 0;
        var clock = Stopwatch.StartNew();
        foreach (var checkpoint in checkpoints)
        {
            var waves = (checkpoint - seeded + WaveSize - 1) / WaveSize;
            var first = DateTimeOffset.UtcNow + SeedAhead + TimeSpan.FromSeconds(2);
            for (var w = 0; w < waves; w++)
            {
                var dueUtc = first + (w * WaveEvery);
                var wait = dueUtc - SeedAhead - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var count = Math.Min(WaveSize, checkpoint - seeded);
                await Seeder.SeedAsync(jobs, due, $"mem{seeded}", count, _ => dueUtc, sink.Url, parallelism: 16);
                seeded += count;
                if (w % 10 == 9)
                {
                    Report.Line($"{clock.Elapsed.TotalSeconds,5:0}s: {Report.N(seeded)} jobs seeded, {Report.N(sink.Received)} runs made");
                }
            }

            var wait2 = Stopwatch.StartNew();
            while (sink.Received < checkpoint && wait2.Elapsed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(500);
            }

            // Let the last runs write their status and the worker go idle.
            await Task.Delay(TimeSpan.FromSeconds(5));
            samples.Add(await SampleAsync(server, sink.Received, $"after {Report.N(checkpoint)} runs"));
        }

        // Once more after a quiet minute: what the last checkpoint held only because work had just finished.
        await Task.Delay(TimeSpan.FromSeconds(60));
        samples.Add(await SampleAsync(server, sink.Received, "idle 60 s after the last run"));

        var runs = await storage.GetRequiredService<IRunStore>().ListCreatedSinceAsync(started - TimeSpan.FromMinutes(1), CancellationToken.None);
        var succeeded = runs.Count(r => r.Status == RunStatus.Succeeded);
        Report.Heading($"{Name}: results ({Report.N(succeeded)}/{Report.N(total)} runs Succeeded, {Report.N(runs.Count)} run rows, in {Report.N(clock.Elapsed.TotalSeconds)} s)");
        Report.Table(
            ["point", "runs made", "RSS MiB", "GC heap after full GC MiB", "RSS after GC MiB", "GC committed MiB", "threads", "load avg"],
            samples.Select(s => (IReadOnlyList<string>)
            [
                s.Point, Report.N(s.RunsMade), Mib(s.RssBytes), Mib(s.Memory.GcHeapAfterFullGcBytes), Mib(s.Memory.RssAfterGcBytes),
                Mib(s.Memory.GcCommittedBytes), Report.N(s.Memory.Threads), Report.N(s.LoadAverage, 1),
            ]));
        var firstLoaded = samples[1];
        var last = samples[^2];
        var perThousand = (last.Memory.GcHeapAfterFullGcBytes - firstLoaded.Memory.GcHeapAfterFullGcBytes) / 1024.0 / ((last.RunsMade - firstLoaded.RunsMade) / 1000.0);
        Report.Line($"GC heap change from {Report.N(firstLoaded.RunsMade)} to {Report.N(last.RunsMade)} runs: {Report.N(perThousand, 1)} KiB per 1,000 runs; server GC: {last.Memory.ServerGc}");
        Report.Write(Name, new { totalRuns = total, succeeded, runRows = runs.Count, waveSize = WaveSize, waveEverySeconds = WaveEvery.TotalSeconds, gcHeapKiBPer1000Runs = perThousand, samples });
    }

    private static async Task<Sample> SampleAsync(ChildServer server, long runsMade, string point)
    {
        var rss = server.RssBytes();
        var memory = await server.MemoryAsync();
        var sample = new Sample(point, runsMade, rss, memory, ProcStatus.LoadAverage());
        Report.Line($"{point}: RSS {Mib(rss)} MiB, GC heap after full GC {Mib(memory.GcHeapAfterFullGcBytes)} MiB, RSS after GC {Mib(memory.RssAfterGcBytes)} MiB");
        return sample;
    }

    private static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N1", CultureInfo.InvariantCulture);

    /// <summary>Copies the storage settings a scenario's own storage clients need.</summary>
    internal static void Copy(StorageOptions from, StorageOptions to)
    {
        to.ConnectionString = from.ConnectionString;
        to.TablePrefix = from.TablePrefix;
        to.RunsQueue = from.RunsQueue;
        to.MaxRetries = from.MaxRetries;
        to.RetryDelay = from.RetryDelay;
        to.MaxRetryDelay = from.MaxRetryDelay;
        to.NetworkTimeout = from.NetworkTimeout;
    }

    internal sealed record Sample(string Point, long RunsMade, long RssBytes, MemorySample Memory, double LoadAverage);
}
