using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Scheduler.Core.Telemetry;

namespace Scheduler.Bench.Infra;

/// <summary>Sums the counters of the <c>Scheduler</c> meter (sweeps completed, runs dispatched, throttled...) in this process.</summary>
internal sealed class SchedulerMeters : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> sums = new(StringComparer.Ordinal);

    public SchedulerMeters()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SchedulerTelemetry.Name && instrument is Counter<long>)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => sums.AddOrUpdate(instrument.Name, value, (_, s) => s + value));
        listener.Start();
    }

    public long this[string name] => sums.GetValueOrDefault(name);

    public void Reset() => sums.Clear();

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(sums, StringComparer.Ordinal);

    public void Dispose() => listener.Dispose();
}
