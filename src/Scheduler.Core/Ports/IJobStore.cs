using Scheduler.Core.Jobs;

namespace Scheduler.Core.Ports;

/// <summary>The jobs table.</summary>
public interface IJobStore
{
    Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken);
    Task<Written> InsertAsync(Job job, CancellationToken cancellationToken);
    /// <summary>Replaces the job if its <see cref="Job.ETag"/> still matches.</summary>
    Task<Written> ReplaceAsync(Job job, CancellationToken cancellationToken);
    /// <summary>Deletes the job; with an ETag only if it still matches.</summary>
    Task<Written> DeleteAsync(string jobId, string? etag, CancellationToken cancellationToken);
    Task<Page<Job>> ListAsync(JobQuery query, CancellationToken cancellationToken);
}
