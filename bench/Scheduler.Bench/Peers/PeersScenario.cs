using Scheduler.Bench.Infra;

namespace Scheduler.Bench.Peers;

/// <summary><c>peers</c>: the same workloads through Scheduler.Server (Azurite), Quartz.NET (ADO job store) and Hangfire
/// (Hangfire.PostgreSql) on PostgreSQL, each system a fresh process with a fresh store per workload, one sink for all.</summary>
internal static class PeersScenario
{
    public const string Name = "peers";

    public static async Task RunAsync(BenchArgs args)
    {
        Report.Heading("peers: Scheduler.Server vs Quartz.NET 4.7.3 (ADO, PostgreSQL) vs Hangfire 1.8.25 (Hangfire.PostgreSql 1.21.1)");
        var workloads = PeerWorkload.All(args.SteadySeconds ?? 60)
            .Where((_, i) => args.Workloads is null || args.Workloads.Contains(i))
            .ToList();
        await using var sink = await ArrivalSink.StartAsync();
        await using var postgres = await PostgresCluster.StartAsync();
        var systems = new (string Name, Func<int, int, Task<IPeerSystem>> Start)[]
        {
            ("Scheduler.Server", (budget, _) => SchedulerSystem.StartAsync(budget)),
            ("Quartz.NET", (budget, round) => PeerChildSystem.StartAsync(QuartzPeer.Mode, postgres, $"quartz{round}", budget)),
            ("Hangfire", (budget, round) => PeerChildSystem.StartAsync(HangfirePeer.Mode, postgres, $"hangfire{round}", budget)),
        };
        var results = new List<PeerResult>();
        var round = 0;
        foreach (var workload in workloads)
        {
            Report.Heading($"peers: {workload.Name}");
            var rows = new List<PeerResult>();
            foreach (var (name, start) in systems.Where(s => args.Systems is null || args.Systems.Contains(s.Name, StringComparer.OrdinalIgnoreCase)))
            {
                var thisRound = ++round;
                try
                {
                    rows.Add(await PeerRunner.RunAsync(name, workload, budget => start(budget, thisRound), sink, thisRound));
                }
                catch (Exception ex)
                {
                    Report.Line($"{name} failed: {ex.Message}");
                }
            }

            Report.Table(PeerResult.Headers, rows.Select(r => r.Row()));
            results.AddRange(rows);
        }

        Report.Write(Name, new { postgres = postgres.Version, results });
    }
}
