namespace Scheduler.Core.Ports;

/// <summary>Remembers which job an <c>Idempotency-Key</c> created, so a retried POST creates one job.</summary>
public interface IIdempotencyStore
{
    /// <summary>Claims the key for the job id; returns the job id already bound to the key if there is one.</summary>
    Task<string?> ClaimAsync(string key, string jobId, CancellationToken cancellationToken);

    /// <summary>Forgets up to <paramref name="limit"/> keys claimed before <paramref name="beforeUtc"/> (a forgotten key can be
    /// claimed anew); answers how many it forgot (fewer than the limit: none older is left).</summary>
    Task<int> ForgetClaimedBeforeAsync(DateTimeOffset beforeUtc, int limit, CancellationToken cancellationToken);
}
