using Scheduler.Bench.Infra;

namespace Scheduler.Bench.Scenarios;

/// <summary>The durable-purge scenario's console tables.</summary>
internal static class DurablePurgeReport
{
    public static void Print(IReadOnlyList<DurablePurgeCost.PurgeCase> cases)
    {
        Report.Heading("durable-purge: Durable's storage requests in the pass, by operation (idle window subtracted): in all / per purged instance");
        var operations = cases.SelectMany(c => c.Durable.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        Report.Table(
            ["operation", .. cases.SelectMany(c => new[] { $"{c.Instances}: in all", "per instance" })],
            [
                .. operations.Select(op => (IReadOnlyList<string>)[op, .. cases.SelectMany(c => Pair(c, c.Durable.GetValueOrDefault(op)))]),
                ["total", .. cases.SelectMany(c => Pair(c, c.Durable.Values.Sum()))],
            ]);

        Report.Heading("durable-purge: the pass, the hub's rows before and after, and the app's own requests in the same timer");
        Report.Table(
            ["instances", "pass s", "window s", "History rows", "Instances rows", "Durable per instance", "app in all", "app by operation"],
            cases.Select(c => (IReadOnlyList<string>)
            [
                Report.N(c.Instances), Report.N(c.PassSeconds, 2), Report.N(c.WindowSeconds, 1),
                $"{Report.N(c.HistoryBefore)} -> {Report.N(c.HistoryAfter)}", $"{Report.N(c.InstancesBefore)} -> {Report.N(c.InstancesAfter)}",
                Fmt(c.DurablePerInstance), Fmt(c.App.Values.Sum()), string.Join(", ", c.App.Select(kv => $"{kv.Key} {Fmt(kv.Value)}")),
            ]));
    }

    private static string[] Pair(DurablePurgeCost.PurgeCase c, double net) => [Fmt(net), Fmt(Math.Round(net / c.Instances, 3) + 0.0)];

    private static string Fmt(double value) => value == Math.Floor(value) ? Report.N(value) : Report.N(value, 3);
}
