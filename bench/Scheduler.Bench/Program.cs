using System.Globalization;
using Scheduler.Bench.Infra;
using Scheduler.Bench.Peers;
using Scheduler.Bench.Scenarios;

namespace Scheduler.Bench;

/// <summary>Entry point: <c>Scheduler.Bench [scenario...] [--sizes 0,1000] [--n 1000]</c>; no scenario runs them all in order.
/// <c>Scheduler.Bench serve</c> is the child Server process of the api and memory scenarios.</summary>
internal static class Program
{
    private static readonly (string Name, Func<BenchArgs, Task> Run)[] Scenarios =
    [
        (SweepCost.Name, SweepCost.RunAsync),
        (OpsPerRun.Name, OpsPerRun.RunAsync),
        (Throughput.Name, Throughput.RunAsync),
        (ApiLoad.Name, ApiLoad.RunAsync),
        (MemoryUse.Name, MemoryUse.RunAsync),
        (PeersScenario.Name, PeersScenario.RunAsync),
        (Chaos.Name, Chaos.RunAsync),
        (DurableVsServer.Name, DurableVsServer.RunAsync),
        (ServerIdle.Name, ServerIdle.RunAsync),
        (TelemetryCost.Name, TelemetryCost.RunAsync),
        (RetentionSoak.Name, RetentionSoak.RunAsync),
        (DurablePurgeCost.Name, DurablePurgeCost.RunAsync),
    ];

    public static async Task<int> Main(string[] args)
    {
        if (args is ["serve", .. var rest])
        {
            await ServeMode.RunAsync(rest);
            return 0;
        }

        if (args is [QuartzPeer.Mode, .. var quartzArgs])
        {
            await QuartzPeer.RunAsync(quartzArgs);
            return 0;
        }

        if (args is [HangfirePeer.Mode, .. var hangfireArgs])
        {
            await HangfirePeer.RunAsync(hangfireArgs);
            return 0;
        }

        if (!BenchArgs.TryParse(args, Scenarios.Select(s => s.Name).ToList(), out var options, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync($"usage: bench.sh [{string.Join('|', Scenarios.Select(s => s.Name))}...] [--sizes 0,10000,100000] [--n 1000] [--runs 10000]");
            return 2;
        }

        Children.StopAllOnSignals();
        Console.WriteLine($"Scheduler.Bench: {Machine.Source}, {Environment.ProcessorCount} cores, load average {ProcStatus.LoadAverage()}");
        var failed = new List<string>();
        foreach (var (name, run) in Scenarios.Where(s => options.Scenarios.Contains(s.Name)))
        {
            try
            {
                await run(options);
            }
            catch (Exception ex)
            {
                failed.Add(name);
                await Console.Error.WriteLineAsync($"scenario {name} failed: {ex}");
            }
        }

        Console.WriteLine();
        Console.WriteLine(failed.Count == 0 ? "bench: all scenarios completed" : $"bench: failed: {string.Join(", ", failed)}");
        return failed.Count == 0 ? 0 : 1;
    }
}

/// <summary>Command-line options.</summary>
internal sealed record BenchArgs(IReadOnlySet<string> Scenarios, IReadOnlyList<int>? Sizes, int? N, int? Runs)
{
    /// <summary>peers: length of the steady workload (60 s by default).</summary>
    public int? SteadySeconds { get; init; }
    /// <summary>peers: which workloads to run, by position (0 = first run after start ... 4 = budget 8 with a holding sink).</summary>
    public IReadOnlyList<int>? Workloads { get; init; }
    /// <summary>peers: which systems to run (Scheduler.Server, Functions+Durable, Quartz.NET, Hangfire).</summary>
    public IReadOnlyList<string>? Systems { get; init; }
    /// <summary>peers: runs each system makes before a measured workload (the first-run workload excepted); 0 measures cold processes.</summary>
    public int? WarmUp { get; init; }

    public static bool TryParse(string[] args, IReadOnlyList<string> known, out BenchArgs parsed, out string error)
    {
        var scenarios = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<int>? sizes = null;
        int? n = null;
        int? runs = null;
        int? steadySeconds = null;
        IReadOnlyList<int>? workloads = null;
        IReadOnlyList<string>? systems = null;
        int? warmUp = null;
        parsed = new BenchArgs(scenarios, null, null, null);
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            try
            {
                switch (arg)
                {
                    case "--sizes":
                        sizes = Next().Split(',').Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToList();
                        break;
                    case "--n":
                        n = int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                        break;
                    case "--runs":
                        runs = int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                        break;
                    case "--steady-seconds":
                        steadySeconds = int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                        break;
                    case "--workloads":
                        workloads = Next().Split(',').Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToList();
                        break;
                    case "--systems":
                        systems = Next().Split(',');
                        break;
                    case "--warm-up":
                        warmUp = int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                        break;
                    case "all":
                        scenarios.UnionWith(known);
                        break;
                    default:
                        if (!known.Contains(arg))
                        {
                            error = $"unknown scenario or option '{arg}'";
                            return false;
                        }

                        scenarios.Add(arg);
                        break;
                }
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
            {
                error = ex.Message;
                return false;
            }
        }

        if (scenarios.Count == 0)
        {
            // Without a name: every scenario but peers, which needs PostgreSQL and its peers (ask for it by name).
            scenarios.UnionWith(known.Where(k => k != PeersScenario.Name));
        }

        parsed = new BenchArgs(scenarios, sizes, n, runs) { SteadySeconds = steadySeconds, Workloads = workloads, Systems = systems, WarmUp = warmUp };
        return true;
    }
}
