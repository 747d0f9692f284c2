using Scheduler.Core.Jobs;

namespace Scheduler.Api.Models;

/// <summary>A job as the API shows it: the definition as submitted (PUT it back to change the job) and the scheduler's state.</summary>
public sealed record JobView(
    string Id,
    JobDefinition Definition,
    JobStatus Status,
    DateTimeOffset? NextDueUtc,
    string? LastRunId,
    int Occurrences,
    int ManualRuns,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc,
    string? ETag)
{
    public static JobView From(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new(job.Id, job.Definition, job.Status, job.NextDueUtc, job.LastRunId, job.Occurrences, job.ManualRuns, job.CreatedUtc, job.UpdatedUtc, job.ETag);
    }
}
