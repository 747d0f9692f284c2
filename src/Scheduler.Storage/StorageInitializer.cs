using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Scheduler.Storage;

/// <summary>Creates Scheduler's tables and queues; safe to call on every start. Over the layout of an earlier version it throws
/// <see cref="EarlierLayoutException"/> before creating anything (<see cref="StorageLayout"/>).</summary>
public sealed class StorageInitializer(StorageClients clients, StorageLayout? layout = null, ILogger<StorageInitializer>? logger = null)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await (layout ?? new StorageLayout(clients)).EnsureCurrentAsync(cancellationToken).ConfigureAwait(false);
        var tables = TableNames.All.Select(name => clients.Table(name).CreateIfNotExistsAsync(cancellationToken));
        await Task.WhenAll(tables).ConfigureAwait(false);
        await clients.RunsQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await clients.PoisonQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        Log.Ensured(logger ?? (ILogger)NullLogger.Instance, clients.Options.TablePrefix, clients.Options.RunsQueue);
    }
}
