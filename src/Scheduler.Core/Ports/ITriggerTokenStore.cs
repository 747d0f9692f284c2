using Scheduler.Core.Tokens;

namespace Scheduler.Core.Ports;

/// <summary>Trigger tokens, kept with their job.</summary>
public interface ITriggerTokenStore
{
    Task<Written> InsertAsync(TriggerToken token, CancellationToken cancellationToken);

    /// <summary>One token of one job, or null: a single point read.</summary>
    Task<TriggerToken?> GetAsync(string jobId, string tokenId, CancellationToken cancellationToken);

    /// <summary>The job's tokens, by id.</summary>
    Task<IReadOnlyList<TriggerToken>> ListAsync(string jobId, CancellationToken cancellationToken);

    Task<Written> DeleteAsync(string jobId, string tokenId, CancellationToken cancellationToken);

    /// <summary>Removes every token of the job; answers how many.</summary>
    Task<int> DeleteAllAsync(string jobId, CancellationToken cancellationToken);
}
