using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Scheduler.Storage;

/// <summary>Creates Scheduler's tables and queues; safe to call on every start.</summary>
public sealed class StorageInitializer(StorageClients clients, ILogger<StorageInitializer>? logger = null)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var tables = TableNames.All.Select(name => clients.Table(name).CreateIfNotExistsAsync(cancellationToken));
        await Task.WhenAll(tables).ConfigureAwait(false);
        await clients.RunsQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await clients.PoisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        Log.Ensured(logger ?? (ILogger)NullLogger.Instance, clients.Options.TablePrefix, clients.Options.RunsQueue);
    }
}
