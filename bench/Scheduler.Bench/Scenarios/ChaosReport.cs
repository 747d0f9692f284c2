using Scheduler.Bench.Infra;

namespace Scheduler.Bench.Scenarios;

/// <summary>The chaos scenario's results: runs not delivered (and why), delivered twice, early; restart times; start lateness
/// near kills and away from them.</summary>
internal static class ChaosReport
{
    public static void Summarize(ArrivalSink sink, DateTimeOffset[] dues, List<DateTimeOffset> kills, List<double> restarts, IReadOnlyDictionary<string, int> missing)
    {
        var firsts = dues.Select((due, i) => (due, first: sink.For(Chaos.Path(i)).DefaultIfEmpty(DateTimeOffset.MaxValue).Min(), n: sink.For(Chaos.Path(i)).Count)).ToList();
        var delivered = firsts.Where(f => f.n > 0).ToList();
        // Near a kill: due from 1 s before it until 15 s after the new Server answered (runs due meanwhile wait for it).
        bool Near(DateTimeOffset due) => kills.Select((k, i) => (k, ready: k.AddMilliseconds(restarts[i]))).Any(w => due >= w.k.AddSeconds(-1) && due <= w.ready.AddSeconds(15));
        // A run delivered twice: when its first delivery came relative to the closest kill (a kill after the webhook was called and
        // before the attempt was recorded makes the attempt run again: at least once, on the same Idempotency-Key).
        var repeats = dues.Select((_, i) => sink.For(Chaos.Path(i))).Where(a => a.Count > 1)
            .Select(a => new { firstBeforeKillMs = kills.Select(k => (k - a.Min()).TotalMilliseconds).OrderBy(Math.Abs).FirstOrDefault(), gapMs = (a.Order().ElementAt(1) - a.Min()).TotalMilliseconds })
            .ToList();
        var near = delivered.Where(f => Near(f.due)).Select(f => (f.first - f.due).TotalMilliseconds).ToList();
        var away = delivered.Where(f => !Near(f.due)).Select(f => (f.first - f.due).TotalMilliseconds).ToList();
        var result = new
        {
            runs = dues.Length,
            kills = kills.Count,
            // From the kill until the new Server answered /api/health: runs due meanwhile wait for it.
            restartMs = Summary(restarts),
            notDelivered = firsts.Count(f => f.n == 0),
            notDeliveredBecause = missing,
            deliveredTwice = firsts.Count(f => f.n > 1),
            repeats,
            early = delivered.Count(f => f.first < f.due),
            nearKill = Summary(near),
            awayFromKills = Summary(away),
        };
        Report.Table(["runs", "kills", "not delivered by the end", "delivered twice", "early"],
            [[Report.N(result.runs), Report.N(result.kills), Report.N(result.notDelivered), Report.N(result.deliveredTwice), Report.N(result.early)]]);
        Report.Line($"restart (kill until the new Server answers /api/health): p50 {Report.Ms(result.restartMs.P50)} ms, max {Report.Ms(result.restartMs.Max)} ms");
        foreach (var repeat in repeats)
        {
            Report.Line($"  delivered twice: first delivery {Report.Ms(repeat.firstBeforeKillMs)} ms before the closest kill, again {Report.Ms(repeat.gapMs)} ms later");
        }

        foreach (var (state, n) in missing)
        {
            Report.Line($"  not delivered: {n} x {state}");
        }

        Report.Table(["start lateness (ms)", "runs", "p50", "p99", "max"],
        [
            ["due near a kill (-1 s .. restart + 15 s)", Report.N(near.Count), Report.Ms(result.nearKill.P50), Report.Ms(result.nearKill.P99), Report.Ms(result.nearKill.Max)],
            ["due away from kills", Report.N(away.Count), Report.Ms(result.awayFromKills.P50), Report.Ms(result.awayFromKills.P99), Report.Ms(result.awayFromKills.Max)],
        ]);
        Report.Write(Chaos.Name, result);
    }

    private static Lateness Summary(List<double> ms) =>
        ms.Count == 0 ? new Lateness(0, 0, 0) : new Lateness(Infra.Stats.Percentile(ms, 50), Infra.Stats.Percentile(ms, 99), ms.Max());

    private sealed record Lateness(double P50, double P99, double Max);
}
