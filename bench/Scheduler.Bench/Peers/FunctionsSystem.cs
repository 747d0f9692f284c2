using System.Globalization;
using Scheduler.Bench.Infra;
using Scheduler.Core.Runs;

namespace Scheduler.Bench.Peers;

/// <summary>The Functions app on the production Durable backend (DurableTask.AzureStorage over a fresh in-memory Azurite),
/// hosted in the bench process through the test suite's harness (<see cref="FunctionsRunHost"/>): the budget set through its
/// PutConfig function, jobs created through its CreateJob function, SweepTimer invoked every second, runs-queue messages
/// handed to RunQueueTrigger. Its CPU and peak RSS are the bench process's own (the app runs there), so they also hold the
/// sink's share and the bench's baseline: an upper bound beside the other systems' child processes.</summary>
internal sealed class FunctionsSystem : IPeerSystem
{
    public const string Name = "Functions+Durable";
    private readonly BenchAzurite azurite;
    private readonly FunctionsRunHost host;
    private readonly int azuritePid;

    private FunctionsSystem(BenchAzurite azurite, FunctionsRunHost host)
    {
        this.azurite = azurite;
        this.host = host;
        azuritePid = ProcStats.Find(string.Create(CultureInfo.InvariantCulture, $"--tablePort {azurite.TablePort}")) ?? -1;
    }

    public static async Task<IPeerSystem> StartAsync(int budget)
    {
        var azurite = await BenchAzurite.StartAsync();
        var host = await FunctionsRunHost.CreateAsync(FunctionsRunHost.Settings(azurite));
        var system = new FunctionsSystem(azurite, host);
        await host.Driver.PutConfigAsync(string.Create(CultureInfo.InvariantCulture,
            $$"""{ "defaultLaneConcurrency": {{budget}}, "lanes": {}, "pauseAll": false }"""));
        await host.StartAsync();
        // The peak of this workload, not of the bench's life so far (the measurement starts a second later).
        ProcStats.ResetPeakRss(Environment.ProcessId);
        return system;
    }

    public async Task SubmitAsync(IReadOnlyList<PeerJob> jobs) =>
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (job, _) =>
            await host.CreateOnceJobAsync(job.Id, job.Url, job.Due));

    public double CpuSeconds() => ProcStats.CpuSeconds(Environment.ProcessId);

    public double StoreCpuSeconds() => azuritePid > 0 ? ProcStats.CpuSeconds(azuritePid) : double.NaN;

    public long PeakRssBytes() => ProcStats.PeakRssBytes(Environment.ProcessId);

    public async Task<int?> PersistedAsync(IReadOnlyList<PeerJob> jobs)
    {
        var succeeded = 0;
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (job, ct) =>
        {
            var run = await host.Driver.Runs.GetAsync(job.Id, RunIds.For(job.Id, job.Due), ct);
            if (run?.Status == RunStatus.Succeeded)
            {
                Interlocked.Increment(ref succeeded);
            }
        });
        return succeeded;
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await azurite.DisposeAsync();
    }
}
