using System.Collections.Concurrent;
using Scheduler.Core.Ports;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>Idempotency keys in memory: null when the key is claimed now, else the job id that claimed it first. A claim is
/// stamped with <paramref name="time"/>'s now (the table stamps it with the service's clock).</summary>
public sealed class InMemoryIdempotencyStore(TimeProvider? time = null) : IIdempotencyStore
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (string JobId, DateTimeOffset ClaimedUtc)> claims = new(StringComparer.Ordinal);

    public Task<string?> ClaimAsync(string key, string jobId, CancellationToken cancellationToken) =>
        Task.FromResult(claims.TryAdd(key, (jobId, clock.GetUtcNow())) ? null : claims[key].JobId);

    public Task<int> ForgetClaimedBeforeAsync(DateTimeOffset beforeUtc, int limit, CancellationToken cancellationToken)
    {
        var old = claims.Where(c => c.Value.ClaimedUtc < beforeUtc).Take(limit).ToList();
        return Task.FromResult(old.Count(c => claims.TryRemove(c)));
    }
}
