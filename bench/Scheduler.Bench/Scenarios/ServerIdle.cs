using Microsoft.Extensions.DependencyInjection;
using Scheduler.Bench.Infra;
using Scheduler.Storage;

namespace Scheduler.Bench.Scenarios;

/// <summary>Scenario <c>idle</c>: the Server started with its default settings and nothing to run, on its own fresh Azurite:
/// the storage requests of its sweep loop, queue worker and poison monitor in one <see cref="DurableCost.Window"/> after a
/// warm-up, by operation, and per day. The durable scenario reports the same measurement beside the Functions host.</summary>
internal static class ServerIdle
{
    public const string Name = "idle";
    private const double SecondsPerDay = 86_400;
    // Long enough for the worker's idle poll to have backed off to its ceiling and the start-up sweeps to be over.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(BenchArgs args)
    {
        Report.Heading($"{Name}: the Server's storage requests with nothing to run (default settings), per {DurableCost.Window.TotalSeconds:0} s window and per day");
        var sample = await MeasureAsync();
        Report.Table(
            ["operation", "per window", "per day"],
            sample.App.Select(kv => (IReadOnlyList<string>)[kv.Key, Report.N(kv.Value), Report.N(kv.Value / sample.Seconds * SecondsPerDay)])
                .Append(["total", Report.N(sample.App.Values.Sum()), Report.N(sample.App.Values.Sum() / sample.Seconds * SecondsPerDay)]));
        Report.Write(Name, new { windowSeconds = sample.Seconds, warmUpSeconds = WarmUp.TotalSeconds, sample });
    }

    /// <summary>One idle window of the Server as composed by <c>AddSchedulerServer</c>, counted twice (by name at Azurite's
    /// ports, by HTTP method in the app's clients).</summary>
    public static async Task<Sample> MeasureAsync()
    {
        await using var azurite = await BenchAzurite.StartAsync();
        var app = ServerComposition.Build(ServerComposition.BaseSettings(azurite));
        await using var _ = app;
        await ServerComposition.EnsureStorageAsync(app.Services);
        await app.StartAsync();
        await Task.Delay(WarmUp);
        var counter = app.Services.GetRequiredService<StorageRequestCounter>();
        using var named = azurite.NewOpsCounter();
        counter.Reset();
        await Task.Delay(DurableCost.Window);
        var sample = new Sample(DurableCost.Window.TotalSeconds, named.Snapshot(), counter.Snapshot().ToSorted(), new Dictionary<string, long>(), new Dictionary<string, long>());
        await app.StopAsync();
        Report.Line($"Server idle {DurableCost.Window.TotalSeconds:0} s (default settings): {sample.App.Values.Sum()} requests ({string.Join(", ", sample.App.Select(kv => $"{kv.Key} {kv.Value}"))})");
        return sample;
    }
}
