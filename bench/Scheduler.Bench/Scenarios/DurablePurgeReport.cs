using Scheduler.Bench.Infra;

namespace Scheduler.Bench.Scenarios;

/// <summary>The durable-purge scenario's console tables.</summary>
internal static class DurablePurgeReport
{
    public static void Print(IReadOnlyList<DurablePurgeCost.PurgeCase> cases)
    {
        Report.Heading("durable-purge: Durable's storage requests per purged instance, by operation (idle window subtracted)");
        var operations = cases.SelectMany(c => c.DurablePerInstance.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        Report.Table(
            ["operation", .. cases.Select(c => $"{c.Instances} instances")],
            [
                .. operations.Select(op => (IReadOnlyList<string>)[op, .. cases.Select(c => Fmt(c.DurablePerInstance.GetValueOrDefault(op)))]),
                ["per instance", .. cases.Select(c => Fmt(c.DurablePerInstance.Values.Sum()))],
            ]);

        Report.Heading("durable-purge: the pass, the hub's rows before and after, and the app's own requests in the same timer");
        Report.Table(
            ["instances", "pass s", "window s", "History rows", "Instances rows", "Durable net", "app net", "app by operation"],
            cases.Select(c => (IReadOnlyList<string>)
            [
                Report.N(c.Instances), Report.N(c.PassSeconds, 2), Report.N(c.WindowSeconds, 1),
                $"{Report.N(c.HistoryBefore)} -> {Report.N(c.HistoryAfter)}", $"{Report.N(c.InstancesBefore)} -> {Report.N(c.InstancesAfter)}",
                Fmt(c.DurablePerInstance.Values.Sum() * c.Instances), Fmt(c.App.Values.Sum()),
                string.Join(", ", c.App.Select(kv => $"{kv.Key} {Fmt(kv.Value)}")),
            ]));
    }

    private static string Fmt(double value) => value == Math.Floor(value) ? Report.N(value) : Report.N(value, 2);
}
