using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scheduler.Core.Workflow;
using Scheduler.Functions.Durable;
using Scheduler.Storage;
using Scheduler.Testing;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>The Functions app's own code hosted as the Functions host would host it, short of the host itself: its service
/// composition over Azurite, its orchestrator and activities on a real Durable Task worker connected to a real backend, a
/// real <see cref="DurableTaskClient"/> for its triggers, and a pump that hands runs-queue messages to its queue trigger.</summary>
public sealed class FunctionsApp : IAsyncDisposable
{
    private readonly DurableSidecar sidecar;
    private readonly IHost worker;
    private readonly QueueTriggerPump pump;

    private FunctionsApp(DurableSidecar sidecar, IHost worker, FunctionsAppSettings settings)
    {
        this.sidecar = sidecar;
        this.worker = worker;
        Settings = settings;
        pump = new QueueTriggerPump(this);
    }

    public FunctionsAppSettings Settings { get; }
    public ILogger Logger { get; private set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    public IServiceProvider Services => worker.Services;
    public DurableTaskClient Client => worker.Services.GetRequiredService<DurableTaskClient>();

    public static async Task<FunctionsApp> StartAsync(FunctionsAppSettings settings, ILoggerProvider? logs = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var sidecar = await DurableSidecar.StartAsync(settings.Backend, settings.Storage.ConnectionString!, settings.HubName, HostJson.Read(), settings.DurableStoragePolicy).ConfigureAwait(false);
        FunctionsApp? app = null;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Configuration.AddInMemoryCollection(settings.AppSettings());
        if (settings.AppRequests is not null)
        {
            builder.Services.AddSingleton(settings.AppRequests);
        }

        builder.Services.AddSchedulerFunctions(builder.Configuration);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(sidecar.Channel);
            worker.AddTasks(tasks =>
            {
                tasks.AddOrchestratorFunc<RunStart, RunOutcome?>(RunOrchestrator.Name, (context, _) => RunOrchestrator.Run(context));
                tasks.AddOrchestratorFunc<RunStart, RunOutcome?>(RunOrchestratorV1.Name, (context, _) => RunOrchestratorV1.Run(context));
                tasks.AddActivityFunc<AttemptRequest, AttemptOutcome>(nameof(RunActivities.ExecuteAttempt),
                    (context, request) => app!.Activities.ExecuteAttempt(request!, app.Context(context.Name)));
            });
        });
        builder.Services.AddDurableTaskClient(client => client.UseGrpc(sidecar.Channel));
        var host = builder.Build();
        await new StorageInitializer(host.Services.GetRequiredService<StorageClients>()).EnsureCreatedAsync(CancellationToken.None).ConfigureAwait(false);
        await host.StartAsync().ConfigureAwait(false);
        app = new FunctionsApp(sidecar, host, settings);
        app.Logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger<FunctionsApp>();
        app.pump.Start();
        return app;
    }

    /// <summary>A function class as the host creates it for an invocation: constructed from the app's services.</summary>
    public T Function<T>() => ActivatorUtilities.CreateInstance<T>(Services);

    public TestFunctionContext Context(string functionName, CancellationToken cancellationToken = default) => new(Services, functionName, cancellationToken);

    private RunActivities Activities => Function<RunActivities>();

    public async ValueTask DisposeAsync()
    {
        await pump.DisposeAsync().ConfigureAwait(false);
        await worker.StopAsync().ConfigureAwait(false);
        worker.Dispose();
        await sidecar.DisposeAsync().ConfigureAwait(false);
    }
}
