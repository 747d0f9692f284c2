using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scheduler.Core.Telemetry;
using Scheduler.Functions;

// Checked against docs/FUNCTIONS-API-NOTES.md sections 2 and 7 (FunctionsApplication, ConfigureFunctionsWebApplication,
// UseFunctionsWorkerDefaults, UseAzureMonitorExporter with sampling off so no RunStatusChanged event is dropped).
// The exporter options were checked by compiling against Azure.Monitor.OpenTelemetry.Exporter 1.10.0, which is served here.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services.AddSchedulerFunctions(builder.Configuration);

var telemetry = builder.Services.AddOpenTelemetry()
    .UseFunctionsWorkerDefaults()
    .WithTracing(tracing => tracing.AddSource(SchedulerTelemetry.Name))
    .WithMetrics(metrics => metrics.AddMeter(SchedulerTelemetry.Name));
if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    var clientId = builder.Configuration["Scheduler:Storage:ManagedIdentityClientId"];
    telemetry.UseAzureMonitorExporter(options =>
    {
        options.SamplingRatio = 1.0f;
        options.TracesPerSecond = null;
        options.EnableTraceBasedLogsSampler = false;
        options.Credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    });
}

builder.Build().Run();
