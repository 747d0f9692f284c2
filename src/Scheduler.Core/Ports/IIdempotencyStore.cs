namespace Scheduler.Core.Ports;

/// <summary>Remembers which job an <c>Idempotency-Key</c> created, so a retried POST creates one job.</summary>
public interface IIdempotencyStore
{
    /// <summary>Claims the key for the job id; returns the job id already bound to the key if there is one.</summary>
    Task<string?> ClaimAsync(string key, string jobId, CancellationToken cancellationToken);
}
