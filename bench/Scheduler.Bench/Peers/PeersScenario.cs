using Scheduler.Bench.Infra;

namespace Scheduler.Bench.Peers;

/// <summary><c>peers</c>: the same workloads through Scheduler.Server (Azurite), the Functions app on Durable (Azurite, hosted in
/// the bench process by the test suite's harness), Quartz.NET (ADO job store) and Hangfire (Hangfire.PostgreSql) on PostgreSQL,
/// each system fresh with a fresh store per workload, one sink for all. PostgreSQL starts only when Quartz.NET or Hangfire runs.</summary>
internal static class PeersScenario
{
    public const string Name = "peers";
    private const int DefaultWarmUp = 200;

    public static async Task RunAsync(BenchArgs args)
    {
        Report.Heading($"peers: Scheduler.Server vs {FunctionsSystem.Name} vs Quartz.NET 4.7.3 (ADO, PostgreSQL) vs Hangfire 1.8.25 (Hangfire.PostgreSql 1.21.1)");
        var workloads = PeerWorkload.All(args.SteadySeconds ?? 60)
            .Where((_, i) => args.Workloads is null || args.Workloads.Contains(i))
            .ToList();
        var warmUp = args.WarmUp ?? DefaultWarmUp;
        Report.Line(warmUp > 0
            ? $"Each system, started fresh per workload, first runs {warmUp} jobs due at once and is measured after them (the first-run workload excepted)."
            : "Each system is measured cold: started fresh per workload, nothing run before it.");
        await using var sink = await ArrivalSink.StartAsync();
        PostgresCluster? postgres = null;
        async Task<PostgresCluster> Postgres() => postgres ??= await PostgresCluster.StartAsync();
        var systems = new (string Name, Func<int, int, Task<IPeerSystem>> Start)[]
        {
            ("Scheduler.Server", (budget, _) => SchedulerSystem.StartAsync(budget)),
            (FunctionsSystem.Name, (budget, _) => FunctionsSystem.StartAsync(budget)),
            ("Quartz.NET", async (budget, round) => await PeerChildSystem.StartAsync(QuartzPeer.Mode, await Postgres(), $"quartz{round}", budget)),
            ("Hangfire", async (budget, round) => await PeerChildSystem.StartAsync(HangfirePeer.Mode, await Postgres(), $"hangfire{round}", budget)),
        };
        var selected = systems.Where(s => args.Systems is null || args.Systems.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (selected.Any(s => s.Name == FunctionsSystem.Name))
        {
            Report.Line($"{FunctionsSystem.Name} runs in the bench process: its CPU s and peak RSS are the bench process's, sink included (an upper bound).");
        }

        try
        {
            var results = new List<PeerResult>();
            var round = 0;
            foreach (var workload in workloads)
            {
                Report.Heading($"peers: {workload.Name}");
                var rows = new List<PeerResult>();
                foreach (var (name, start) in selected)
                {
                    var thisRound = ++round;
                    try
                    {
                        rows.Add(await PeerRunner.RunAsync(name, workload, budget => start(budget, thisRound), sink, thisRound, warmUp));
                    }
                    catch (Exception ex)
                    {
                        Report.Line($"{name} failed: {ex.Message}");
                    }
                }

                Report.Table(PeerResult.Headers, rows.Select(r => r.Row()));
                results.AddRange(rows);
            }

            Report.Write(Name, new { postgres = postgres?.Version, results });
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }
    }
}
