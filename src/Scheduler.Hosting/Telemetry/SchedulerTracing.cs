using OpenTelemetry.Trace;
using Scheduler.Core.Telemetry;

namespace Scheduler.Hosting.Telemetry;

/// <summary>The tracing both hosts share: the Scheduler source, outgoing HTTP calls (storage and webhooks), and
/// <see cref="HousekeepingSampler"/> deciding what is recorded.</summary>
public static class SchedulerTracing
{
    /// <summary>Adds the shared sources and sets the sampler. Call it after an exporter that sets a sampler of its own
    /// (<c>UseAzureMonitorExporter</c>): the last sampler set is the one used.</summary>
    public static TracerProviderBuilder AddSchedulerTracing(this TracerProviderBuilder tracing, params string[] housekeepingFunctions)
    {
        ArgumentNullException.ThrowIfNull(tracing);
        return tracing.AddSource(SchedulerTelemetry.Name)
            .AddHttpClientInstrumentation()
            .SetSampler(new HousekeepingSampler(housekeepingFunctions));
    }
}
