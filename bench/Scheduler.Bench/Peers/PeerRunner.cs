using Scheduler.Bench.Infra;

namespace Scheduler.Bench.Peers;

/// <summary>Runs one workload against one freshly started system and measures it at the sink.</summary>
internal static class PeerRunner
{
    private static readonly TimeSpan SteadyLead = TimeSpan.FromSeconds(2);

    public static async Task<PeerResult> RunAsync(string systemName, PeerWorkload workload, Func<int, Task<IPeerSystem>> start, ArrivalSink sink, int round, int warmUp)
    {
        await using var system = await start(workload.Budget);
        if (warmUp > 0 && workload.Count > 1)
        {
            await WarmUpAsync(system, sink, round, warmUp);
        }

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
        (double Cpu, double StoreCpu)? runPhase = workload.IsBurst && submittedLate == 0 ? await RunPhaseStartAsync(system, jobs[0].Due) : null;
        var lastDue = jobs[^1].Due;
        var deadline = lastDue - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(Math.Max(60, 3.0 * jobs.Count * Math.Max(1, workload.HoldMs) / 1000 / workload.Budget));
        await sink.WaitForAsync(jobs.Count, deadline);
        var lateness = sink.LatenessMs;
        var last = sink.LastArrival ?? DateTimeOffset.UtcNow;
        var span = (last - jobs[0].Due).TotalSeconds;
        // CPU up to the last arrival: the check of what was stored below lists each job's runs through the API, which on Azurite
        // is a scan of the whole table per job, and would be counted as the workload's cost.
        var (cpuNow, storeCpuNow) = (system.CpuSeconds(), system.StoreCpuSeconds());
        var (cpuUsed, storeCpuUsed) = (cpuNow - cpu, storeCpuNow - storeCpu);
        var (cpuMsPerRun, storeMsPerRun) = runPhase is { } phase && sink.Count > 0
            ? ((cpuNow - phase.Cpu) * 1000 / sink.Count, (storeCpuNow - phase.StoreCpu) * 1000 / sink.Count)
            : (double.NaN, double.NaN);
        // Runs record their attempt after the sink answered: give the last ones a moment before counting what was stored.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var persisted = await system.PersistedAsync(jobs);
        var result = new PeerResult(
            workload.Name, systemName, jobs.Count, sink.Count, sink.Repeats, submittedLate,
            span > 0 ? sink.Count / span : double.NaN,
            Stats.Percentile(lateness, 50), Stats.Percentile(lateness, 95), Stats.Percentile(lateness, 99), lateness.Count == 0 ? double.NaN : lateness.Max(),
            lateness.Count(l => l < 0), sink.MaxInFlight, workload.Budget,
            cpuUsed, storeCpuUsed, cpuMsPerRun, storeMsPerRun, system.PeakRssBytes() / 1048576.0, persisted, ProcStatus.LoadAverage());
        Report.Line($"{systemName}: {string.Join(" | ", result.Row())}");
        return result;
    }

    /// <summary>Runs <paramref name="count"/> jobs due at once through the system before it is measured, then waits for its runtime to
    /// finish compiling what they made hot: a scheduler is a long-lived process, and a burst of a few seconds in a fresh one would
    /// measure its JIT (in a cold Server process, 40% of its CPU during a 1,000 burst was the JIT's) as much as its work.</summary>
    private static async Task WarmUpAsync(IPeerSystem system, ArrivalSink sink, int round, int count)
    {
        sink.Reset(0);
        var now = DateTimeOffset.UtcNow;
        var due = DateTimeOffset.FromUnixTimeSeconds((now + TimeSpan.FromSeconds(2) + TimeSpan.FromMilliseconds(10 * count)).ToUnixTimeSeconds() + 1);
        var jobs = Enumerable.Range(0, count).Select(i => new PeerJob($"r{round}-w{i:D5}", due, sink.UrlFor($"r{round}-w{i:D5}", due))).ToList();
        await system.SubmitAsync(jobs);
        if (!await sink.WaitForAsync(count, due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException($"warm-up: {sink.Count} of {count} runs arrived");
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
    }

    /// <summary>A burst's run phase starts at its due instant (submission done): the CPU spent from there to the last arrival is what
    /// running the burst cost, without the submission through each system's API.</summary>
    private static async Task<(double Cpu, double StoreCpu)> RunPhaseStartAsync(IPeerSystem system, DateTimeOffset due)
    {
        var wait = due - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        return (system.CpuSeconds(), system.StoreCpuSeconds());
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
