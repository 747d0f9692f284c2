using Scheduler.Bench.Infra;
using Scheduler.Core.Runs;
using Scheduler.Testing;

namespace Scheduler.Bench.Scenarios;

/// <summary>One timing workload on one host over its own fresh Azurite: once-jobs created ahead of their due times, the host
/// started, then every run's first sink arrival minus its due time (early is negative) and the rate at which the runs reached
/// the sink; the run rows are checked at the end (every run Succeeded with one attempt).</summary>
internal static class DurableTiming
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    /// <param name="dueOffsets">Each job's due time after the workload's start (which leaves time to create them all).</param>
    public static async Task<TimingResult> RunAsync(string workload, Func<BenchAzurite, Task<IRunHost>> start, IReadOnlyList<TimeSpan> dueOffsets)
    {
        await using var azurite = await BenchAzurite.StartAsync();
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        await using var host = await start(azurite);
        var created = DateTimeOffset.UtcNow;
        // Time to create them all on a loaded machine (~40 ms a job), then 10 s.
        var origin = WholeMilliseconds(created + TimeSpan.FromSeconds(10) + TimeSpan.FromMilliseconds(40 * dueOffsets.Count));
        var due = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        for (var i = 0; i < dueOffsets.Count; i++)
        {
            var dueUtc = origin + dueOffsets[i];
            due[await host.CreateOnceJobAsync($"w{i:D4}", sink.Url("ok"), dueUtc)] = dueUtc;
        }

        if (DateTimeOffset.UtcNow > origin)
        {
            throw new InvalidOperationException($"{workload} on {host.Name}: creating the jobs outlasted the first due time.");
        }

        await host.StartAsync();
        var lastDue = due.Values.Max();
        while (FirstArrivals(sink, due).Count < due.Count && DateTimeOffset.UtcNow < lastDue + Deadline)
        {
            await Task.Delay(250);
        }

        var arrivals = FirstArrivals(sink, due);
        var rows = await SettledRowsAsync(host, created, due.Count, lastDue + Deadline);
        var lateness = arrivals.Select(a => (a.Value - due[a.Key]).TotalMilliseconds).ToList();
        var first = arrivals.Values.Min();
        var last = arrivals.Values.Max();
        var result = new TimingResult(
            host.Name, due.Count, arrivals.Count,
            rows.Count(r => r.Status == RunStatus.Succeeded && r.AttemptCount == 1),
            rows.GroupBy(r => r.Status).ToDictionary(g => g.Key.ToString(), g => g.Count(), StringComparer.Ordinal),
            Stats.Percentile(lateness, 50), Stats.Percentile(lateness, 99), lateness.Min(), lateness.Max(), lateness.Count(l => l < 0),
            Math.Round((last - first).TotalSeconds, 3), arrivals.Count / Math.Max((last - first).TotalSeconds, 0.001),
            Math.Round((last - origin).TotalSeconds, 3), ProcStatus.LoadAverage());
        Report.Line($"{workload} on {host.Name}: {result.Arrived}/{result.Runs} at the sink, {result.SucceededOneAttempt} Succeeded with one attempt; " +
            $"lateness p50 {Report.N(result.LatenessP50Ms)} ms, p99 {Report.N(result.LatenessP99Ms)} ms, min {Report.N(result.LatenessMinMs)} ms, " +
            $"{result.Early} early; first to last arrival {Report.N(result.FirstToLastArrivalSeconds, 2)} s ({Report.N(result.RunsPerSecond, 1)} runs/s)");
        return result;
    }

    /// <summary>Due offsets of <paramref name="count"/> runs spread evenly over <paramref name="span"/>.</summary>
    public static IReadOnlyList<TimeSpan> Spread(int count, TimeSpan span) =>
        Enumerable.Range(0, count).Select(i => TimeSpan.FromMilliseconds(Math.Round(span.TotalMilliseconds * i / count))).ToList();

    public static IReadOnlyList<TimeSpan> AtOnce(int count) => Enumerable.Repeat(TimeSpan.Zero, count).ToList();

    private static DateTimeOffset WholeMilliseconds(DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % TimeSpan.TicksPerMillisecond));

    private static Dictionary<string, DateTimeOffset> FirstArrivals(ScriptedSink sink, Dictionary<string, DateTimeOffset> due) =>
        sink.Hits.Where(h => due.ContainsKey(h.IdempotencyKey)).GroupBy(h => h.IdempotencyKey)
            .ToDictionary(g => g.Key, g => g.Min(h => h.ReceivedUtc), StringComparer.Ordinal);

    private static async Task<IReadOnlyList<Run>> SettledRowsAsync(IRunHost host, DateTimeOffset created, int count, DateTimeOffset deadline)
    {
        while (true)
        {
            var rows = await host.RunsCreatedSinceAsync(created - TimeSpan.FromMinutes(1));
            if ((rows.Count >= count && rows.All(r => r.Status.IsTerminal())) || DateTimeOffset.UtcNow > deadline)
            {
                return rows;
            }

            await Task.Delay(500);
        }
    }

    internal sealed record TimingResult(
        string Host, int Runs, int Arrived, int SucceededOneAttempt, IReadOnlyDictionary<string, int> Statuses,
        double LatenessP50Ms, double LatenessP99Ms, double LatenessMinMs, double LatenessMaxMs, int Early,
        double FirstToLastArrivalSeconds, double RunsPerSecond, double FirstDueToLastArrivalSeconds, double LoadAverage);
}
