using Microsoft.Extensions.Options;
using Scheduler.Api.Auth;
using Scheduler.Api.Dashboard;
using Scheduler.Api.Hosting;
using Scheduler.Api.OpenApi;
using Scheduler.Core.Ports;
using Scheduler.Server.Development;
using Scheduler.Server.Sweep;
using Scheduler.Server.Telemetry;
using Scheduler.Server.Worker;
using Scheduler.Hosting;

namespace Scheduler.Server.Startup;

/// <summary>Composes the Server host: storage, targets, the API, the sweep, the worker and telemetry.</summary>
public static class ServerBuilderExtensions
{
    public static WebApplicationBuilder AddSchedulerServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        LocalDevelopment.AddDefaults(builder);
        builder.AddSchedulerTelemetry();

        services.AddSchedulerEngine(builder.Configuration);

        services.AddSingleton<SweepSignal>();
        services.AddSingleton<ISweepSignal>(sp => sp.GetRequiredService<SweepSignal>());
        services.AddSingleton<LocalApiKey>();
        services.AddSingleton<IPostConfigureOptions<ApiKeyOptions>>(sp => sp.GetRequiredService<LocalApiKey>());
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        services.AddSingleton<RunMessageProcessor>();

        // Started in this order: storage exists before the sweep and the worker touch it.
        services.AddHostedService<StorageStartup>();
        services.AddHostedService<InitialSweep>();
        services.AddHostedService<SweepService>();
        services.AddHostedService<RunWorker>();
        services.AddHostedService<PoisonMonitor>();
        services.AddHostedService<StartupBanner>();
        return builder;
    }

    public static WebApplication UseSchedulerServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapSchedulerApi();
        app.MapSchedulerOpenApi();
        app.MapSchedulerDashboard();
        LocalDevelopment.MapEcho(app);
        return app;
    }
}
