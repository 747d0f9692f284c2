using System.Collections.Concurrent;
using Scheduler.Core.Connections;
using Scheduler.Core.Ports;

namespace Scheduler.Targets.Tests.Support;

/// <summary>A hand-written fake of the connections table: profiles by name, nothing else.</summary>
public sealed class InMemoryConnectionStore : IConnectionStore
{
    private readonly ConcurrentDictionary<string, ConnectionProfile> profiles = new(StringComparer.Ordinal);

    public InMemoryConnectionStore Add(ConnectionProfile profile)
    {
        profiles[profile.Name] = profile;
        return this;
    }

    public Task<ConnectionProfile?> GetAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(profiles.GetValueOrDefault(name));

    public Task<IReadOnlyList<ConnectionProfile>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConnectionProfile>>([.. profiles.Values]);

    public Task<Written> InsertAsync(ConnectionProfile profile, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Written> ReplaceAsync(ConnectionProfile profile, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Written> DeleteAsync(string name, string? etag, CancellationToken cancellationToken) => throw new NotSupportedException();
}
