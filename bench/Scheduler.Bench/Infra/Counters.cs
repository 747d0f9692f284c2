using System.Diagnostics;
using Scheduler.Storage;

namespace Scheduler.Bench.Infra;

/// <summary>The Functions path's storage requests split by whose they are: the app's (its Scheduler.Storage clients:
/// <see cref="StorageRequestCounter"/> by service + method, <see cref="StorageOps"/> by table and operation) and Durable's
/// own backend (<see cref="DurableOps"/>). StorageOps sees every request on the wire except the hub's named tables and queues;
/// the hub's batches (which name no table) are taken out of it with DurableOps' count, and the two app totals must agree.</summary>
internal sealed class Counters(StorageRequestCounter app, DurableOps durable, StorageOps named)
{
    /// <summary>Counts from now until <paramref name="length"/> (default <c>DurableCost.Window</c>) after
    /// <paramref name="action"/> started, whatever runs meanwhile.</summary>
    public async Task<Sample> WindowAsync(Func<Task> action, TimeSpan? length = null)
    {
        app.Reset();
        durable.Reset();
        named.Reset();
        var clock = Stopwatch.StartNew();
        await action();
        var rest = (length ?? Scenarios.DurableCost.Window) - clock.Elapsed;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var appByMethod = app.Snapshot();
        var durableByMethod = durable.ByMethod();
        var durableNamed = durable.ByOperation();
        var appNamed = named.Snapshot().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        if (durableNamed.TryGetValue("table batch", out var durableBatches))
        {
            appNamed["table batch"] = appNamed.GetValueOrDefault("table batch") - durableBatches;
        }

        // The pump and Durable keep calling storage while the counters are reset and read, so a request in flight at either
        // edge can land in one counter and not the other: a difference of a few is that, more is a counting error.
        var mismatch = appNamed.Values.Sum() - app.Total;
        if (Math.Abs(mismatch) > 3)
        {
            throw new InvalidOperationException($"The app's requests by operation add up to {appNamed.Values.Sum()}, StorageRequestCounter saw {app.Total}: " +
                string.Join(", ", appNamed.Select(kv => $"{kv.Key} {kv.Value}")));
        }

        return new Sample(Math.Round(seconds, 2), Sorted(appNamed.Where(kv => kv.Value != 0)), appByMethod.ToSorted(), durableNamed, durableByMethod, mismatch);
    }

    private static SortedDictionary<string, long> Sorted(IEnumerable<KeyValuePair<string, long>> pairs) =>
        new(pairs.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), StringComparer.Ordinal);
}

/// <summary>Requests counted in one window, by whose they are.</summary>
internal sealed record Sample(
    double Seconds, IReadOnlyDictionary<string, long> App, IReadOnlyDictionary<string, long> AppByMethod,
    IReadOnlyDictionary<string, long> Durable, IReadOnlyDictionary<string, long> DurableByMethod, long CounterMismatch = 0)
{
    /// <summary>Per run: this window minus an idle window of the same length and, for the app, one idle sweep (its fixed cost
    /// per tick; the window's one sweep pays it), divided by the runs.</summary>
    public Scenarios.DurableCost.CostCase PerRun(Sample idle, Sample idleSweep, int runs) => new(
        runs,
        Net(App, idle.App, idleSweep.App, runs), Net(AppByMethod, idle.AppByMethod, idleSweep.AppByMethod, runs),
        Net(Durable, idle.Durable, None, runs), Net(DurableByMethod, idle.DurableByMethod, None, runs),
        this);

    private static readonly IReadOnlyDictionary<string, long> None = new Dictionary<string, long>();

    private static SortedDictionary<string, double> Net(
        IReadOnlyDictionary<string, long> window, IReadOnlyDictionary<string, long> idle, IReadOnlyDictionary<string, long> sweep, int runs) =>
        new(window.Keys.Union(idle.Keys).Union(sweep.Keys)
            .Select(k => (k, v: (window.GetValueOrDefault(k) - idle.GetValueOrDefault(k) - sweep.GetValueOrDefault(k)) / (double)runs))
            .Where(x => x.v != 0).ToDictionary(x => x.k, x => Math.Round(x.v, 2), StringComparer.Ordinal), StringComparer.Ordinal);
}

internal static class DictionaryExtensions
{
    public static SortedDictionary<string, long> ToSorted(this IReadOnlyDictionary<string, long> values) => new(values.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), StringComparer.Ordinal);
}
