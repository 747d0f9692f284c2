using Scheduler.Core.Health;
using Scheduler.Storage;

namespace Scheduler.Server.Startup;

/// <summary>Creates the tables and queues, waiting for storage as long as it takes: the Server starts listening at once
/// (health answers 503 with the reason meanwhile), retries in the <see cref="StorageLoop"/>, and opens
/// <see cref="StorageStatus.WaitReadyAsync"/> for the sweep and the worker when storage answers. Over the tables of an earlier
/// version's layout it says what to do and stops the Server (exit code 1), having written nothing.</summary>
public sealed class StorageStartup(
    StorageInitializer initializer, StorageClients clients, StorageStatus status, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<StorageStartup> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new StorageLoop("Creating the tables and queues", status, time, logger).RunAsync(CreateAsync, (_, _) => Task.CompletedTask, stoppingToken);

    private async Task<TimeSpan?> CreateAsync(CancellationToken stoppingToken)
    {
        try
        {
            await initializer.EnsureCreatedAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (EarlierLayoutException e)
        {
            Log.EarlierLayout(logger, e.Message);
            status.Failed(e.Message);
            Environment.ExitCode = 1;
            // Stopping before the host has started would abort its start (the listener's bind): stop once it has.
            lifetime.ApplicationStarted.Register(lifetime.StopApplication);
            return null;
        }

        Log.StorageReady(logger, clients.Options.TablePrefix, clients.Options.RunsQueue);
        status.MarkReady();
        return null;
    }
}
