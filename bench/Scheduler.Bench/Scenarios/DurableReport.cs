using Scheduler.Bench.Infra;

namespace Scheduler.Bench.Scenarios;

/// <summary>The durable scenario's console tables.</summary>
internal static class DurableReport
{
    private const double SecondsPerDay = 86_400;

    public static void Print(
        DurableCost.CostResult durable, IReadOnlyList<OpsPerRun.CaseResult> server, Sample serverIdle,
        IReadOnlyList<DurableTiming.TimingResult> lateness, IReadOnlyList<DurableTiming.TimingResult> rate)
    {
        Report.Heading("durable: storage requests per one-attempt run on the Durable path, by operation (idle window and idle sweep subtracted)");
        var rows = durable.Cases.SelectMany(c => c.App.Keys.Select(k => ("ours", k)).Concat(c.Durable.Keys.Select(k => ("Durable", k))))
            .Distinct().OrderBy(r => r.Item1, StringComparer.Ordinal).ThenBy(r => r.Item2, StringComparer.Ordinal).ToList();
        Report.Table(
            ["whose", "operation", .. durable.Cases.Select(c => $"{c.Runs} run(s)")],
            rows.Select(r => (IReadOnlyList<string>)
            [
                r.Item1, r.Item2, .. durable.Cases.Select(c => Fmt((r.Item1 == "ours" ? c.App : c.Durable).GetValueOrDefault(r.Item2))),
            ]));

        Report.Heading("durable: per run, ours and Durable's, beside the Server");
        var table = durable.Cases.Select(c => (IReadOnlyList<string>)
            ["Functions + Durable", $"{c.Runs} once job(s) due together", Fmt(c.AppTotal), Fmt(c.DurableTotal), Fmt(c.Total)]).ToList();
        table.AddRange(server.Select(c => (IReadOnlyList<string>)["Server", c.Name, Fmt(c.TotalPerRun), "-", Fmt(c.TotalPerRun)]));
        Report.Table(["host", "case", "ours", "Durable's", "total per run"], table);

        Report.Heading($"durable: idle cost (nothing due), per {Report.N(durable.WindowSeconds)} s window and per day");
        var idle = new List<IReadOnlyList<string>>();
        idle.AddRange(durable.Idle.Durable.Select(kv => Idle("Functions: Durable's backend", kv.Key, kv.Value, durable.Idle.Seconds)));
        idle.AddRange(durable.Idle.App.Select(kv => Idle("Functions: runs-queue listener (backs off to 1 s, as the host)", kv.Key, kv.Value, durable.Idle.Seconds)));
        idle.AddRange(durable.IdleSweep.App.Select(kv => (IReadOnlyList<string>)["Functions: one idle timer sweep", kv.Key, Report.N(kv.Value), "per tick"]));
        idle.AddRange(serverIdle.App.Select(kv => Idle("Server (default settings)", kv.Key, kv.Value, serverIdle.Seconds)));
        Report.Table(["who", "operation", "per window", "per day"], idle);

        Report.Heading("durable: lateness and rate (sink arrival - due; early is negative)");
        Report.Table(
            ["workload", "host", "runs", "at sink", "Succeeded, 1 attempt", "p50 ms", "p99 ms", "min ms", "max ms", "early", "first -> last s", "runs/s", "load"],
            lateness.Select(r => Row("100 due over 30 s", r)).Concat(rate.Select(r => Row("200 due at once", r))));
    }

    private static IReadOnlyList<string> Row(string workload, DurableTiming.TimingResult r) =>
    [
        workload, r.Host, Report.N(r.Runs), Report.N(r.Arrived), Report.N(r.SucceededOneAttempt), Report.N(r.LatenessP50Ms), Report.N(r.LatenessP99Ms),
        Report.N(r.LatenessMinMs), Report.N(r.LatenessMaxMs), Report.N(r.Early), Report.N(r.FirstToLastArrivalSeconds, 2), Report.N(r.RunsPerSecond, 1),
        Report.N(r.LoadAverage, 1),
    ];

    private static IReadOnlyList<string> Idle(string who, string op, long count, double seconds) =>
        [who, op, Report.N(count), Report.N(count / seconds * SecondsPerDay)];

    private static string Fmt(double value) => value == Math.Floor(value) ? Report.N(value) : Report.N(value, 2);
}
