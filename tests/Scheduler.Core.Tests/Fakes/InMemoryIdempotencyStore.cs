using System.Collections.Concurrent;
using Scheduler.Core.Ports;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>Idempotency keys in memory: null when the key is claimed now, else the job id that claimed it first.</summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, string> claims = new(StringComparer.Ordinal);

    public Task<string?> ClaimAsync(string key, string jobId, CancellationToken cancellationToken) =>
        Task.FromResult(claims.TryAdd(key, jobId) ? null : claims[key]);
}
