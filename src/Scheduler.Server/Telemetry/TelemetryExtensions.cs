using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Scheduler.Core.Telemetry;

namespace Scheduler.Server.Telemetry;

/// <summary>Logs, traces and metrics: the <c>Scheduler</c> source and meter plus ASP.NET Core and HttpClient instrumentation,
/// exported to Application Insights and/or OTLP when configured (collected only then), with readable (or JSON) console logs in any case.</summary>
public static class TelemetryExtensions
{
    public const string AppInsightsKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string JsonLogsKey = "Scheduler:Logging:Json";

    public static WebApplicationBuilder AddSchedulerTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Logging.ClearProviders();
        if (configuration.GetValue<bool>(JsonLogsKey))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.IncludeScopes = true;
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }

        var appInsights = configuration[AppInsightsKey];
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpKey]);
        var azure = !string.IsNullOrWhiteSpace(appInsights);
        if (!azure && !otlp)
        {
            // Nothing to export to: spans and metric aggregates nobody reads would cost every request and every storage call.
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("Scheduler.Server"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(SchedulerTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/api/health", StringComparison.OrdinalIgnoreCase))
                    .AddHttpClientInstrumentation();
                if (azure)
                {
                    // Sampling ratio 1: every run's spans and status events are kept, so that no run goes missing in Application Insights.
                    tracing.AddAzureMonitorTraceExporter(o => Configure(o, appInsights!));
                }

                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SchedulerTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (azure)
                {
                    metrics.AddAzureMonitorMetricExporter(o => Configure(o, appInsights!));
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            })
            .WithLogging(logging =>
            {
                if (azure)
                {
                    logging.AddAzureMonitorLogExporter(o => Configure(o, appInsights!));
                }

                if (otlp)
                {
                    logging.AddOtlpExporter();
                }
            }, o =>
            {
                o.IncludeFormattedMessage = true;
                o.IncludeScopes = true;
            });
        return builder;
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
}
