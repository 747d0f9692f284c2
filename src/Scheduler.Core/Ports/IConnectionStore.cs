using Scheduler.Core.Connections;

namespace Scheduler.Core.Ports;

/// <summary>The connections table: named SSH connection profiles.</summary>
public interface IConnectionStore
{
    Task<ConnectionProfile?> GetAsync(string name, CancellationToken cancellationToken);
    Task<IReadOnlyList<ConnectionProfile>> ListAsync(CancellationToken cancellationToken);
    Task<Written> InsertAsync(ConnectionProfile profile, CancellationToken cancellationToken);
    Task<Written> ReplaceAsync(ConnectionProfile profile, CancellationToken cancellationToken);
    Task<Written> DeleteAsync(string name, string? etag, CancellationToken cancellationToken);
}
