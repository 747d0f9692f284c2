using System.Collections.Concurrent;
using Scheduler.Core.Ports;
using Scheduler.Core.Tokens;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>Trigger tokens in memory, keyed by job and token id.</summary>
public sealed class InMemoryTriggerTokenStore : ITriggerTokenStore
{
    private readonly ConcurrentDictionary<(string JobId, string Id), TriggerToken> tokens = new();

    public Task<Written> InsertAsync(TriggerToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Task.FromResult(tokens.TryAdd((token.JobId, token.Id), token) ? Written.Ok(null) : Written.Conflict);
    }

    public Task<TriggerToken?> GetAsync(string jobId, string tokenId, CancellationToken cancellationToken) =>
        Task.FromResult(tokens.GetValueOrDefault((jobId, tokenId)));

    public Task<IReadOnlyList<TriggerToken>> ListAsync(string jobId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TriggerToken>>([.. tokens.Values.Where(t => t.JobId == jobId).OrderBy(t => t.Id, StringComparer.Ordinal)]);

    public Task<Written> DeleteAsync(string jobId, string tokenId, CancellationToken cancellationToken) =>
        Task.FromResult(tokens.TryRemove((jobId, tokenId), out _) ? Written.Ok(null) : Written.NotFound);

    public Task<int> DeleteAllAsync(string jobId, CancellationToken cancellationToken) =>
        Task.FromResult(tokens.Keys.Where(k => k.JobId == jobId).Count(k => tokens.TryRemove(k, out _)));
}
