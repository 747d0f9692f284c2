using Scheduler.Bench.Infra;

namespace Scheduler.Bench.Scenarios;

/// <summary>Scenario <c>durable</c>: the Functions host's Durable path (DurableTask.AzureStorage over Azurite, through the
/// test suite's harness) beside the Server on the same workloads, each over its own fresh Azurite: storage requests per
/// one-attempt run split into the app's and Durable's own with the idle cost apart, start lateness for 100 runs due over
/// 30 s, runs per second for 200 due at once at the default budget.</summary>
internal static class DurableVsServer
{
    public const string Name = "durable";
    private const int LatenessRuns = 100;
    private const int RateRuns = 200;
    private static readonly TimeSpan LatenessSpan = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(BenchArgs args)
    {
        Report.Heading($"{Name}: storage requests per one-attempt run on the Durable path (windows of {DurableCost.Window.TotalSeconds:0} s, idle subtracted)");
        var durableCost = await DurableCost.RunAsync();
        Report.Heading($"{Name}: the Server's storage requests per run (ops-per-run's cases) and idle cost");
        var serverCost = await OpsPerRun.MeasureAsync();
        var serverIdle = await ServerIdle.MeasureAsync();

        Report.Heading($"{Name}: start lateness, {LatenessRuns} runs due over {LatenessSpan.TotalSeconds:0} s (sink arrival - due)");
        var spread = DurableTiming.Spread(LatenessRuns, LatenessSpan);
        var lateness = new[]
        {
            await DurableTiming.RunAsync("lateness", Functions, spread),
            await DurableTiming.RunAsync("lateness", Server, spread),
        };
        Report.Heading($"{Name}: {RateRuns} runs due at once, default budget");
        var rate = new[]
        {
            await DurableTiming.RunAsync("rate", Functions, DurableTiming.AtOnce(RateRuns)),
            await DurableTiming.RunAsync("rate", Server, DurableTiming.AtOnce(RateRuns)),
        };

        DurableReport.Print(durableCost, serverCost, serverIdle, lateness, rate);
        Report.Write(Name, new
        {
            windowSeconds = DurableCost.Window.TotalSeconds,
            hostJson = Scheduler.Functions.Tests.Durable.HostJson.Read(),
            durableCost,
            serverCost,
            serverIdle,
            lateness,
            rate,
        });
    }

    private static async Task<IRunHost> Functions(BenchAzurite azurite) => await FunctionsRunHost.CreateAsync(FunctionsRunHost.Settings(azurite));

    private static async Task<IRunHost> Server(BenchAzurite azurite) => await ServerRunHost.CreateAsync(azurite);
}
