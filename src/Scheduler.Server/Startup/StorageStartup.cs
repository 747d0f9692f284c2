using Scheduler.Core.Health;
using Scheduler.Storage;

namespace Scheduler.Server.Startup;

/// <summary>Creates the tables and queues, waiting for storage as long as it takes: the Server starts listening at once
/// (health answers 503 with the reason meanwhile), retries in the <see cref="StorageLoop"/>, and opens
/// <see cref="StorageStatus.WaitReadyAsync"/> for the sweep and the worker when storage answers.</summary>
public sealed class StorageStartup(StorageInitializer initializer, StorageClients clients, StorageStatus status, TimeProvider time, ILogger<StorageStartup> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new StorageLoop("Creating the tables and queues", status, time, logger).RunAsync(CreateAsync, (_, _) => Task.CompletedTask, stoppingToken);

    private async Task<TimeSpan?> CreateAsync(CancellationToken stoppingToken)
    {
        await initializer.EnsureCreatedAsync(stoppingToken).ConfigureAwait(false);
        Log.StorageReady(logger, clients.Options.TablePrefix, clients.Options.RunsQueue);
        status.MarkReady();
        return null;
    }
}
