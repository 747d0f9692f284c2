using Scheduler.Storage;

namespace Scheduler.Server.Startup;

/// <summary>Creates the tables and queues before the sweep and the worker start; waits a little for storage that is still starting.</summary>
public sealed class StorageStartup(StorageInitializer initializer, StorageClients clients, TimeProvider time, ILogger<StorageStartup> logger) : IHostedService
{
    private const int Attempts = 6;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await initializer.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
                Log.StorageReady(logger, clients.Options.TablePrefix, clients.Options.RunsQueue);
                return;
            }
            catch (Exception ex) when (attempt < Attempts && ex is not OperationCanceledException)
            {
                var backoff = TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
                Log.StorageNotReady(logger, attempt, backoff, ex);
                await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
