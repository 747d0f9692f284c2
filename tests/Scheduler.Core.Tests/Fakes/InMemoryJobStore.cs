using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>The jobs table in memory: Conflict on duplicate insert, Stale on ETag mismatch, NotFound when missing.
/// A null ETag on replace or delete is unconditional, as with Azure Tables' <c>If-Match: *</c>. Tags match in any case, as the table's do.</summary>
public sealed class InMemoryJobStore : InMemoryStore, IJobStore
{
    private readonly Dictionary<string, Job> jobs = new(StringComparer.Ordinal);
    private readonly ETags etags = new();

    /// <summary>When set, the next insert throws it instead of writing (a crash or a storage outage).</summary>
    public Exception? InsertFault { get; set; }

    /// <summary>When set, the next insert writes the job but answers Conflict, as a storage retry after a lost response does.</summary>
    public bool LoseNextInsertResponse { get; set; }

    public int Writes { get; private set; }

    /// <summary>Point reads of a job (<see cref="GetAsync"/>).</summary>
    public int Reads { get; private set; }

    public Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken) => Call(() =>
    {
        Reads++;
        return jobs.GetValueOrDefault(jobId);
    });

    public Task<Written> InsertAsync(Job job, CancellationToken cancellationToken) => Call(() =>
    {
        if (InsertFault is { } fault)
        {
            InsertFault = null;
            throw fault;
        }

        if (jobs.ContainsKey(job.Id))
        {
            return Written.Conflict;
        }

        var written = Store(job);
        if (LoseNextInsertResponse)
        {
            LoseNextInsertResponse = false;
            return Written.Conflict;
        }

        return written;
    });

    public Task<Written> ReplaceAsync(Job job, CancellationToken cancellationToken) => Call(() => Refusal(job) ?? Store(job));

    /// <summary>The in-memory form of a transaction over the job's partition: replaces the job (as <see cref="ReplaceAsync"/>)
    /// and makes <paramref name="write"/>, both or neither. <paramref name="refuse"/> runs first, under this store's lock: a
    /// non-null answer writes nothing.</summary>
    internal (Written Job, Written Other) ReplaceTogether(Job job, Func<Written?> refuse, Func<Written> write) => Locked(() =>
    {
        if (Refusal(job) is { } refused)
        {
            return (refused, Written.Stale);
        }

        if (refuse() is { } other)
        {
            return (Written.Stale, other);
        }

        return (Store(job), write());
    });

    public Task<Written> DeleteAsync(string jobId, string? etag, CancellationToken cancellationToken) => Call(() =>
    {
        if (!jobs.TryGetValue(jobId, out var current))
        {
            return Written.NotFound;
        }

        if (etag is not null && etag != "*" && etag != current.ETag)
        {
            return Written.Stale;
        }

        jobs.Remove(jobId);
        Writes++;
        return Written.Ok(null);
    });

    public Task<Page<Job>> ListAsync(JobQuery query, CancellationToken cancellationToken) => Call(() =>
    {
        var matching = jobs.Values
            .Where(j => query.Status is not { } status || j.Status == status)
            .Where(j => query.Tag is not { } tag || j.Definition.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            .Where(j => query.Lane is not { } lane || j.Definition.Lane == lane)
            .Where(j => query.Text is not { } text || j.Id.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (j.Definition.Name?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false))
            .Where(j => query.Continuation is not { } after || string.CompareOrdinal(j.Id, after) > 0)
            .OrderBy(j => j.Id, StringComparer.Ordinal)
            .ToList();
        var page = matching.Take(query.Limit).ToList();
        return new Page<Job>(page, matching.Count > query.Limit ? page[^1].Id : null);
    });

    private Written? Refusal(Job job) =>
        !jobs.TryGetValue(job.Id, out var current) ? Written.NotFound
        : job.ETag is not null && job.ETag != current.ETag ? Written.Stale
        : null;

    private Written Store(Job job)
    {
        var etag = etags.Next();
        jobs[job.Id] = job with { ETag = etag };
        Writes++;
        return Written.Ok(etag);
    }
}
