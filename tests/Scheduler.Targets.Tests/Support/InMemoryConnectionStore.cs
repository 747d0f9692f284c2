using System.Globalization;
using Scheduler.Core.Connections;
using Scheduler.Core.Ports;

namespace Scheduler.Targets.Tests.Support;

/// <summary>A hand-written fake of the connections table: profiles by name, listed in name order; Conflict on a second insert,
/// Stale on an old ETag, NotFound when missing, a null ETag unconditional (<c>ConnectionStoreContractTests</c>).</summary>
public sealed class InMemoryConnectionStore : IConnectionStore
{
    private readonly SortedDictionary<string, ConnectionProfile> profiles = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long etag;

    /// <summary>Stores <paramref name="profile"/> (test setup).</summary>
    public InMemoryConnectionStore Add(ConnectionProfile profile)
    {
        lock (gate)
        {
            Store(profile);
        }

        return this;
    }

    public Task<ConnectionProfile?> GetAsync(string name, CancellationToken cancellationToken) =>
        Locked(() => profiles.GetValueOrDefault(name));

    public Task<IReadOnlyList<ConnectionProfile>> ListAsync(CancellationToken cancellationToken) =>
        Locked<IReadOnlyList<ConnectionProfile>>(() => [.. profiles.Values]);

    public Task<Written> InsertAsync(ConnectionProfile profile, CancellationToken cancellationToken) =>
        Locked(() => profiles.ContainsKey(profile.Name) ? Written.Conflict : Store(profile));

    public Task<Written> ReplaceAsync(ConnectionProfile profile, CancellationToken cancellationToken) =>
        Locked(() => Check(profile.Name, profile.ETag) ?? Store(profile));

    public Task<Written> DeleteAsync(string name, string? etag, CancellationToken cancellationToken) => Locked(() =>
    {
        if (Check(name, etag) is { } refused)
        {
            return refused;
        }

        profiles.Remove(name);
        return Written.Ok(null);
    });

    private Task<T> Locked<T>(Func<T> body)
    {
        lock (gate)
        {
            return Task.FromResult(body());
        }
    }

    private Written? Check(string name, string? expected) =>
        !profiles.TryGetValue(name, out var current) ? Written.NotFound
        : expected is not null && expected != current.ETag ? Written.Stale
        : null;

    private Written Store(ConnectionProfile profile)
    {
        var next = (++etag).ToString(CultureInfo.InvariantCulture);
        profiles[profile.Name] = profile with { ETag = next };
        return Written.Ok(next);
    }
}
