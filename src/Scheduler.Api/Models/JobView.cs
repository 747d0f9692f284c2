using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;

namespace Scheduler.Api.Models;

/// <summary>A job as the API shows it: the definition as submitted (PUT it back to change the job) and the scheduler's state.</summary>
/// <param name="LastRun">Where the job's latest dispatched run (<paramref name="LastRunId"/>) stands: status, due, start and finish
/// times. Listed and read jobs carry it; other answers (create, update, pause...) leave it out.</param>
public sealed record JobView(
    string Id,
    JobDefinition Definition,
    JobStatus Status,
    DateTimeOffset? NextDueUtc,
    string? LastRunId,
    RunSummary? LastRun,
    int Occurrences,
    int ManualRuns,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc,
    string? ETag,
    IReadOnlyList<string>? Children = null)
{
    public static JobView From(Job job) => From(job, null);

    public static JobView From(Job job, RunSummary? lastRun)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new(job.Id, job.Definition, job.Status, job.NextDueUtc, job.LastRunId, lastRun, job.Occurrences, job.ManualRuns, job.CreatedUtc, job.UpdatedUtc, job.ETag);
    }
}
