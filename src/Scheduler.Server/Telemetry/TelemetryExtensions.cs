using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Scheduler.Core.Telemetry;
using Scheduler.Hosting.Telemetry;

namespace Scheduler.Server.Telemetry;

/// <summary>Logs, traces and metrics: the <c>Scheduler</c> source and meter plus ASP.NET Core and HttpClient instrumentation,
/// exported to Application Insights and/or OTLP when configured (collected only then), with readable (or JSON) console logs in any case.
/// Traces keep work and drop housekeeping (<see cref="HousekeepingSampler"/>).</summary>
public static class TelemetryExtensions
{
    public const string AppInsightsKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string JsonLogsKey = "Scheduler:Logging:Json";

    public static WebApplicationBuilder AddSchedulerTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddConsoleLogs(builder.Logging, json: builder.Configuration.GetValue<bool>(JsonLogsKey));
        var appInsights = builder.Configuration[AppInsightsKey];
        var exporters = new Exporters(string.IsNullOrWhiteSpace(appInsights) ? null : appInsights, !string.IsNullOrWhiteSpace(builder.Configuration[OtlpKey]));
        if (!exporters.Any)
        {
            // Nothing to export to: spans and metric aggregates nobody reads would cost every request and every storage call.
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("Scheduler.Server"))
            .WithTracing(tracing => AddTracing(tracing, exporters))
            .WithMetrics(metrics => AddMetrics(metrics, exporters))
            .WithLogging(logging => AddLogExport(logging, exporters), o =>
            {
                o.IncludeFormattedMessage = true;
                o.IncludeScopes = true;
            });
        return builder;
    }

    /// <summary>Console logs in any case: one readable line each, or JSON for a log collector.</summary>
    private static void AddConsoleLogs(ILoggingBuilder logging, bool json)
    {
        logging.ClearProviders();
        if (json)
        {
            logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.IncludeScopes = true;
            });
            return;
        }

        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
    }

    private static void AddTracing(TracerProviderBuilder tracing, Exporters exporters)
    {
        tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/api/health", StringComparison.OrdinalIgnoreCase));
        if (exporters.AppInsights is { } appInsights)
        {
            tracing.AddAzureMonitorTraceExporter(o => Configure(o, appInsights));
        }

        if (exporters.Otlp)
        {
            tracing.AddOtlpExporter();
        }

        // Last: the Azure Monitor exporter sets a sampler of its own (by ratio), and the last one set is used. No ratio: every
        // run's spans are kept, so that no run goes missing in Application Insights; housekeeping is what is not kept.
        tracing.AddSchedulerTracing();
    }

    private static void AddMetrics(MeterProviderBuilder metrics, Exporters exporters)
    {
        metrics.AddMeter(SchedulerTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
        if (exporters.AppInsights is { } appInsights)
        {
            metrics.AddAzureMonitorMetricExporter(o => Configure(o, appInsights));
        }

        if (exporters.Otlp)
        {
            metrics.AddOtlpExporter();
        }
    }

    private static void AddLogExport(LoggerProviderBuilder logging, Exporters exporters)
    {
        if (exporters.AppInsights is { } appInsights)
        {
            logging.AddAzureMonitorLogExporter(o => Configure(o, appInsights));
        }

        if (exporters.Otlp)
        {
            logging.AddOtlpExporter();
        }
    }

    private static void Configure(AzureMonitorExporterOptions options, string connectionString)
    {
        options.ConnectionString = connectionString;
        // The exporter's defaults (1.10.0) rate-limit traces to 5 per second and drop the logs of unsampled traces:
        // either would drop RunStatusChanged events. Keep everything.
        options.SamplingRatio = 1.0F;
        options.TracesPerSecond = null;
        options.EnableTraceBasedLogsSampler = false;
    }

    /// <summary>Where telemetry goes: Application Insights (its connection string) and/or an OTLP endpoint.</summary>
    private sealed record Exporters(string? AppInsights, bool Otlp)
    {
        public bool Any => AppInsights is not null || Otlp;
    }
}
