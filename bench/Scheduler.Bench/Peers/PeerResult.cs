using Scheduler.Bench.Infra;

namespace Scheduler.Bench.Peers;

/// <summary>What one system did on one workload.</summary>
internal sealed record PeerResult(
    string Workload, string System, int Jobs, int Arrived, int Repeats, int SubmittedAfterDue, double RunsPerSecond,
    double P50Ms, double P95Ms, double P99Ms, double MaxMs, int Early, int MaxConcurrency, int Budget,
    double CpuSeconds, double StoreCpuSeconds, double RunCpuMsPerRun, double RunStoreCpuMsPerRun, double PeakRssMiB, int? PersistedSucceeded, double LoadAverage)
{
    public IReadOnlyList<string> Row() =>
    [
        System,
        Report.N(RunsPerSecond, 1),
        Report.Ms(P50Ms), Report.Ms(P95Ms), Report.Ms(P99Ms), Report.Ms(MaxMs),
        Report.N(Early),
        $"{MaxConcurrency} / {Budget}",
        Report.N(CpuSeconds, 1), Report.N(StoreCpuSeconds, 1), PerRun(RunCpuMsPerRun), PerRun(RunStoreCpuMsPerRun), Report.N(PeakRssMiB),
        $"{Arrived}/{Jobs}" + (Repeats > 0 ? $" (+{Repeats} repeats)" : "") + (SubmittedAfterDue > 0 ? $", {SubmittedAfterDue} submitted after due" : ""),
        PersistedSucceeded is { } n ? $"{n}/{Jobs}" : "-",
        Report.N(LoadAverage, 1),
    ];

    /// <summary>Bursts only: CPU from the due instant to the last arrival, per run that arrived.</summary>
    private static string PerRun(double ms) => double.IsNaN(ms) ? "-" : Report.N(ms, 2);

    public static readonly IReadOnlyList<string> Headers =
    [
        "system", "runs/s", "late p50 ms", "p95", "p99", "max", "early", "max conc. / budget", "CPU s", "store CPU s", "run CPU ms/run", "store ms/run", "peak RSS MiB",
        "arrived", "stored succeeded", "load",
    ];
}
