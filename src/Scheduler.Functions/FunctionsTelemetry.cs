using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Scheduler.Core.Telemetry;
using Scheduler.Functions.Triggers;
using Scheduler.Hosting.Telemetry;

namespace Scheduler.Functions;

/// <summary>The worker's telemetry: the Functions worker defaults, the Azure Monitor exporter when a connection string is set,
/// and the tracing rule the Server uses too (<see cref="HousekeepingSampler"/>). Program.cs calls it; the tests build it.</summary>
public static class FunctionsTelemetry
{
    public const string AppInsightsKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Functions whose invocations are housekeeping: the sweep timer (every few seconds; a sweep that dispatches opens
    /// a span of its own) and the health probe.</summary>
    public static readonly IReadOnlyList<string> HousekeepingFunctions = [nameof(SweepTimer), "GetHealth"];

    public static IOpenTelemetryBuilder AddSchedulerFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithMetrics(metrics => metrics.AddMeter(SchedulerTelemetry.Name));
        if (!string.IsNullOrEmpty(configuration[AppInsightsKey]))
        {
            var clientId = configuration["Scheduler:Storage:ManagedIdentityClientId"];
            telemetry.UseAzureMonitorExporter(options =>
            {
                // The exporter's defaults (1.10.0) rate-limit traces and drop the logs of unsampled traces: either would drop
                // RunStatusChanged events. What is not kept is housekeeping, decided by the sampler below.
                options.SamplingRatio = 1.0f;
                options.TracesPerSecond = null;
                options.EnableTraceBasedLogsSampler = false;
                options.Credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
            });
        }

        // After the exporter, which sets a sampler of its own: the last one set is used.
        return telemetry.WithTracing(tracing => tracing.AddSchedulerTracing([.. HousekeepingFunctions]));
    }
}
