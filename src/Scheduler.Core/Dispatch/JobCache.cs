using System.Collections.Concurrent;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;

namespace Scheduler.Core.Dispatch;

/// <summary>Jobs as this process last wrote or read them, so that dispatching a run needs no read of its job. A cached copy is
/// only ever the base of a write conditional on its ETag (the dispatch transaction): an edited or deleted job fails that write,
/// and the dispatcher reads it again and decides again. Every decision that writes nothing is made on a fresh read.</summary>
public sealed class JobCache(IJobStore jobs)
{
    /// <summary>Jobs kept at most; when full, the cache starts over (a dispatch then reads its job once more).</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Job> entries = new(StringComparer.Ordinal);

    /// <summary>The cached copy, else a read (which is cached); <c>Fresh</c> says whether it was read now.</summary>
    public async Task<(Job? Job, bool Fresh)> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        if (entries.TryGetValue(jobId, out var cached))
        {
            return (cached, false);
        }

        return (await ReadAsync(jobId, cancellationToken).ConfigureAwait(false), true);
    }

    /// <summary>Reads the job from storage and caches what it read (or forgets it when it is gone).</summary>
    public async Task<Job?> ReadAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(jobId, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            Forget(jobId);
        }
        else
        {
            Put(job);
        }

        return job;
    }

    /// <summary>Caches a job as stored (with the ETag its write or read returned); a job without one is forgotten.</summary>
    public void Put(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.ETag is null)
        {
            Forget(job.Id);
            return;
        }

        if (entries.Count >= Capacity && !entries.ContainsKey(job.Id))
        {
            entries.Clear();
        }

        entries[job.Id] = job;
    }

    public void Forget(string jobId) => entries.TryRemove(jobId, out _);
}
