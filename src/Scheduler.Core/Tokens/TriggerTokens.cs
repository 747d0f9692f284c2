using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Services;

namespace Scheduler.Core.Tokens;

/// <summary>Creates, lists, revokes and checks trigger tokens. A token is accepted only for its own job, and only while that job
/// is the one it was created for (same creation instant): a job deleted and created again under the same id starts without tokens.
/// Nothing is cached, so a revoked token is refused from the next request on.</summary>
public sealed class TriggerTokens(ITriggerTokenStore tokens, IJobStore jobs, TimeProvider time)
{
    /// <summary>The most tokens one job holds, so that listing them stays one small read.</summary>
    public const int MaxPerJob = 20;

    public async Task<ServiceResult<IssuedToken>> CreateAsync(string jobId, string? name, DateTimeOffset? expiresUtc, string createdBy, CancellationToken cancellationToken)
    {
        if (await jobs.GetAsync(jobId, cancellationToken).ConfigureAwait(false) is not { } job)
        {
            return ServiceResult<IssuedToken>.NotFound($"Job '{jobId}' does not exist.");
        }

        if ((await OfAsync(job, cancellationToken).ConfigureAwait(false)).Count >= MaxPerJob)
        {
            return ServiceResult<IssuedToken>.Conflict($"Job '{jobId}' already has {MaxPerJob} trigger tokens; revoke one first.");
        }

        var (id, text) = TokenText.New();
        var token = new TriggerToken
        {
            JobId = jobId,
            Id = id,
            Name = name,
            SecretHash = TokenText.Hash(text),
            JobCreatedUtc = job.CreatedUtc,
            CreatedUtc = time.GetUtcNow(),
            ExpiresUtc = expiresUtc,
            CreatedBy = createdBy,
        };
        var written = await tokens.InsertAsync(token, cancellationToken).ConfigureAwait(false);
        return written.Done
            ? ServiceResult<IssuedToken>.Created(new IssuedToken(token, text))
            : ServiceResult<IssuedToken>.Conflict("A token with the same id exists; create it again.");
    }

    /// <summary>The tokens of the job as it exists now (those of an earlier job of the same id are left out).</summary>
    public async Task<ServiceResult<IReadOnlyList<TriggerToken>>> ListAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(jobId, cancellationToken).ConfigureAwait(false);
        return job is null
            ? ServiceResult<IReadOnlyList<TriggerToken>>.NotFound($"Job '{jobId}' does not exist.")
            : ServiceResult<IReadOnlyList<TriggerToken>>.Ok(await OfAsync(job, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Removes the token; answers it as it was.</summary>
    public async Task<ServiceResult<TriggerToken>> RevokeAsync(string jobId, string tokenId, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(jobId, tokenId, cancellationToken).ConfigureAwait(false);
        var deleted = token is null ? Written.NotFound : await tokens.DeleteAsync(jobId, tokenId, cancellationToken).ConfigureAwait(false);
        return deleted.Done
            ? ServiceResult<TriggerToken>.Ok(token!)
            : ServiceResult<TriggerToken>.NotFound($"Job '{jobId}' has no trigger token '{tokenId}'.");
    }

    /// <summary>Removes every token of a job that was deleted.</summary>
    public Task<int> ForgetJobAsync(string jobId, CancellationToken cancellationToken) => tokens.DeleteAllAsync(jobId, cancellationToken);

    /// <summary>The token <paramref name="text"/> names when it is valid for <paramref name="jobId"/> now, else null: two point
    /// reads (the token, then its job), the secret compared in constant time.</summary>
    public async Task<TriggerToken?> VerifyAsync(string jobId, string text, CancellationToken cancellationToken)
    {
        if (TokenText.IdOf(text) is not { } id
            || await tokens.GetAsync(jobId, id, cancellationToken).ConfigureAwait(false) is not { } token
            || !TokenText.Matches(text, token.SecretHash)
            || token.ExpiresUtc <= time.GetUtcNow())
        {
            return null;
        }

        var job = await jobs.GetAsync(jobId, cancellationToken).ConfigureAwait(false);
        return job is not null && job.CreatedUtc == token.JobCreatedUtc ? token : null;
    }

    private async Task<IReadOnlyList<TriggerToken>> OfAsync(Job job, CancellationToken cancellationToken)
    {
        var all = await tokens.ListAsync(job.Id, cancellationToken).ConfigureAwait(false);
        return [.. all.Where(t => t.JobCreatedUtc == job.CreatedUtc)];
    }
}
