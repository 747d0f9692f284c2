using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Scheduler.Functions;
using Scheduler.Functions.Http;

// Checked against docs/FUNCTIONS-API-NOTES.md sections 2 and 7 (FunctionsApplication, ConfigureFunctionsWebApplication,
// UseFunctionsWorkerDefaults, UseAzureMonitorExporter with sampling off so no RunStatusChanged event is dropped).
// The exporter options were checked by compiling against Azure.Monitor.OpenTelemetry.Exporter 1.10.0, which is served here.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Function keys let a call in; the key's role then decides whether the function runs (docs/ARCHITECTURE.md, "Keys and roles").
builder.UseMiddleware<SecurityHeadersMiddleware>();
builder.UseMiddleware<ApiRoleMiddleware>();
// Then storage must hold this version's layout before any function touches it.
builder.UseMiddleware<StorageLayoutMiddleware>();

builder.Services.AddSchedulerFunctions(builder.Configuration);
builder.Services.AddSchedulerFunctionsTelemetry(builder.Configuration);

builder.Build().Run();
