using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scheduler.Api;
using Scheduler.Api.Auth;
using Scheduler.Api.Http;
using Scheduler.Core.Health;
using Scheduler.Api.Hosting;
using Scheduler.Api.OpenApi;
using Scheduler.Core.Alerts;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using Scheduler.Core.Workflow;
using Scheduler.Dashboard;
using Scheduler.Hosting;
using Scheduler.InProcess;
using Scheduler.Server.Alerts;
using Scheduler.Server.Development;
using Scheduler.Server.Retention;
using Scheduler.Server.Sweep;
using Scheduler.Server.Telemetry;
using Scheduler.Server.Worker;
using Scheduler.Storage.Queues;

namespace Scheduler.Server.Startup;

/// <summary>Composes the Server host: storage, targets, the API, the sweep, the worker and telemetry.</summary>
public static class ServerBuilderExtensions
{
    /// <summary>The Server's <see cref="RunOptions.SlotLease"/>: as long as the runs queue's message lease (renewed every 3 s).</summary>
    public static readonly TimeSpan DefaultSlotLease = TimeSpan.FromSeconds(10);

    public static WebApplicationBuilder AddSchedulerServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        LocalDevelopment.AddDefaults(builder);
        builder.AddSchedulerTelemetry();

        services.AddSchedulerEngine(builder.Configuration);
        services.AddSchedulerApi();

        // The Server's sweep wakes at the next due row, so a run takes its slot just before it is due, not a lookahead ahead.
        services.PostConfigure<SweepOptions>(o => o.DispatchAhead ??= SweepService.DefaultDispatchAhead);
        // The Server renews the slot of every run it runs: after a crash its runs and slots come back within seconds (docs/ARCHITECTURE.md).
        services.PostConfigure<RunOptions>(o => o.SlotLease ??= DefaultSlotLease);
        services.PostConfigure<AlertOptions>(o => DashboardAddress.Default(o, builder.Configuration));
        services.AddSingleton<SweepSignal>();
        services.AddSingleton<ISweepSignal>(sp => sp.GetRequiredService<SweepSignal>());
        services.AddSingleton<LocalApiKey>();
        services.AddSingleton<IPostConfigureOptions<ApiKeyOptions>>(sp => sp.GetRequiredService<LocalApiKey>());
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        // Messages this process sends wake its own worker, whose idle poll can then back off far (docs/ARCHITECTURE.md).
        services.AddSingleton<RunQueueWake>();
        services.AddSingleton<QueueRunSender>();
        services.Replace(ServiceDescriptor.Singleton<IRunSender>(sp => new WakingRunSender(
            sp.GetRequiredService<QueueRunSender>(), sp.GetRequiredService<RunQueueWake>(), sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<InProcessWorkflow>();
        services.AddSingleton<RunMessageHandler>();
        services.AddSingleton<InProcessRunLauncher>();
        services.AddSingleton<IRunLauncher>(sp => sp.GetRequiredService<IOptions<WorkerOptions>>().Value.InProcessRuns > 0
            ? sp.GetRequiredService<InProcessRunLauncher>() : new QueueOnlyRunLauncher());

        // The sweep, the worker and the poison monitor wait for StorageStartup's StorageStatus.MarkReady: the host listens
        // (health says why it is not ready) while storage is still out of reach.
        services.AddHostedService<StorageStartup>();
        services.AddHostedService<InitialSweep>();
        services.AddHostedService<SweepService>();
        services.AddHostedService<RetentionService>();
        services.AddHostedService<NoSuccessCheckService>();
        services.AddHostedService<RunWorker>();
        // Stopped before the worker (hosted services stop in reverse): runs it hands back reach a queue still served.
        services.AddHostedService(sp => sp.GetRequiredService<InProcessRunLauncher>());
        services.AddHostedService<PoisonMonitor>();
        services.AddHostedService<StartupBanner>();
        services.AddHostedService<RunPathWarmup>();
        return builder;
    }

    public static WebApplication UseSchedulerServer(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Set as the answer starts, so that answers the exception handler rewrites (it clears headers) carry them too.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                SecurityHeaders.Apply(context);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapSchedulerApi();
        app.MapSchedulerOpenApi();
        app.MapSchedulerDashboard(ApiRoutes.Prefix);
        LocalDevelopment.MapEcho(app);
        return app;
    }
}
