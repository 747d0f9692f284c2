using Scheduler.Bench.Infra;

namespace Scheduler.Bench.Peers;

/// <summary>Runs one workload against one freshly started system and measures it at the sink.</summary>
internal static class PeerRunner
{
    private static readonly TimeSpan SteadyLead = TimeSpan.FromSeconds(2);

    public static async Task<PeerResult> RunAsync(string systemName, PeerWorkload workload, Func<int, Task<IPeerSystem>> start, ArrivalSink sink, int round)
    {
        await using var system = await start(workload.Budget);
        sink.Reset(workload.HoldMs);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var jobs = Plan(workload, sink, round);
        // A system that stops answering (a submission or a store that hangs) must not hold the rest of the bench: past twice
        // its planned span plus four minutes, its row is given up and its process stopped (by the dispose above).
        var limit = TimeSpan.FromMinutes(4) + (2 * (jobs[^1].Due - DateTimeOffset.UtcNow));
        try
        {
            return await MeasureAsync(systemName, workload, system, sink, jobs).WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no result within {limit.TotalMinutes:F1} min ({sink.Count} of {jobs.Count} runs had arrived); stopped");
        }
    }

    private static async Task<PeerResult> MeasureAsync(string systemName, PeerWorkload workload, IPeerSystem system, ArrivalSink sink, List<PeerJob> jobs)
    {
        var cpu = system.CpuSeconds();
        var storeCpu = system.StoreCpuSeconds();
        var submittedLate = workload.IsBurst ? await SubmitBurstAsync(system, jobs) : await SubmitSteadyAsync(system, jobs);
        var lastDue = jobs[^1].Due;
        var deadline = lastDue - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(Math.Max(60, 3.0 * jobs.Count * Math.Max(1, workload.HoldMs) / 1000 / workload.Budget));
        await sink.WaitForAsync(jobs.Count, deadline);
        var lateness = sink.LatenessMs;
        var last = sink.LastArrival ?? DateTimeOffset.UtcNow;
        var span = (last - jobs[0].Due).TotalSeconds;
        // CPU up to the last arrival: the check of what was stored below lists each job's runs through the API, which on Azurite
        // is a scan of the whole table per job, and would be counted as the workload's cost.
        var (cpuUsed, storeCpuUsed) = (system.CpuSeconds() - cpu, system.StoreCpuSeconds() - storeCpu);
        // Runs record their attempt after the sink answered: give the last ones a moment before counting what was stored.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var persisted = await system.PersistedAsync(jobs);
        var result = new PeerResult(
            workload.Name, systemName, jobs.Count, sink.Count, sink.Repeats, submittedLate,
            span > 0 ? sink.Count / span : double.NaN,
            Stats.Percentile(lateness, 50), Stats.Percentile(lateness, 95), Stats.Percentile(lateness, 99), lateness.Count == 0 ? double.NaN : lateness.Max(),
            lateness.Count(l => l < 0), sink.MaxInFlight, workload.Budget,
            cpuUsed, storeCpuUsed, system.PeakRssBytes() / 1048576.0, persisted, ProcStatus.LoadAverage());
        Report.Line($"{systemName}: {string.Join(" | ", result.Row())}");
        return result;
    }

    /// <summary>Bursts: all due at one whole second, far enough ahead for the submission to finish. Steady: one every spacing.</summary>
    private static List<PeerJob> Plan(PeerWorkload workload, ArrivalSink sink, int round)
    {
        var now = DateTimeOffset.UtcNow;
        // Generous: on a busy machine submitting 1,000 jobs can take ten seconds or more (rows submitted after due are counted).
        var lead = TimeSpan.FromSeconds(5) + TimeSpan.FromMilliseconds(25 * workload.Count);
        var first = DateTimeOffset.FromUnixTimeSeconds((now + lead).ToUnixTimeSeconds() + 1);
        return Enumerable.Range(0, workload.Count).Select(i =>
        {
            var id = $"r{round}-j{i:D5}";
            var due = workload.IsBurst ? first : first + workload.Spacing * i;
            return new PeerJob(id, due, sink.UrlFor(id, due));
        }).ToList();
    }

    private static async Task<int> SubmitBurstAsync(IPeerSystem system, List<PeerJob> jobs)
    {
        await system.SubmitAsync(jobs);
        return DateTimeOffset.UtcNow > jobs[0].Due ? jobs.Count : 0;
    }

    /// <summary>Each job is submitted <see cref="SteadyLead"/> before it is due, as jobs would arrive in a steady stream.</summary>
    private static async Task<int> SubmitSteadyAsync(IPeerSystem system, List<PeerJob> jobs)
    {
        var late = 0;
        var pending = new List<Task>();
        foreach (var job in jobs)
        {
            var wait = job.Due - SteadyLead - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            pending.Add(Task.Run(async () =>
            {
                await system.SubmitAsync([job]);
                if (DateTimeOffset.UtcNow > job.Due)
                {
                    Interlocked.Increment(ref late);
                }
            }));
        }

        await Task.WhenAll(pending);
        return late;
    }
}
