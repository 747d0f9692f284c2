using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Schedules;

namespace Scheduler.Core.Dispatch;

/// <summary>Moves a job to its next occurrence after one was handled, or records a manual run on it.</summary>
/// <remarks>The new due row is written before the job: a crash in between leaves a row with an unknown version (dropped later)
/// while the old row, still matching the job, is handled again (its run insert conflicts) and advances the job then.</remarks>
public sealed class JobAdvancer(IJobStore jobs, IDueIndex due)
{
    /// <summary>The job past the occurrence, its next occurrence's due row written already; the caller writes the job
    /// (with the run it dispatched, in one write, or alone).</summary>
    public async Task<Job> PrepareAsync(Job job, DateTimeOffset resumeAfterUtc, string? dispatchedRunId, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var occurrences = job.Occurrences + (dispatchedRunId is null ? 0 : 1);
        var next = ScheduleCalculator.Next(job.Definition.Schedule, job.CreatedUtc, resumeAfterUtc, occurrences);
        var version = job.ScheduleVersion + 1;
        if (next is { } nextDue)
        {
            await due.AddAsync(DueEntryFactory.Scheduled(job, nextDue, version, nowUtc), cancellationToken).ConfigureAwait(false);
        }

        return job with
        {
            NextDueUtc = next,
            ScheduleVersion = version,
            LastRunId = dispatchedRunId ?? job.LastRunId,
            Occurrences = occurrences,
            Status = next is null ? JobStatus.Completed : job.Status,
            UpdatedUtc = nowUtc,
        };
    }

    /// <summary>Advances the job alone (an occurrence skipped, or one whose run exists already). Returns the job as stored, or
    /// null when a user or another sweep changed it first: their write wins and our new row is dropped as stale.</summary>
    public async Task<Job?> AdvanceAsync(Job job, DateTimeOffset resumeAfterUtc, string? dispatchedRunId, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        var advanced = await PrepareAsync(job, resumeAfterUtc, dispatchedRunId, nowUtc, cancellationToken).ConfigureAwait(false);
        var written = await jobs.ReplaceAsync(advanced, cancellationToken).ConfigureAwait(false);
        return written.Done ? advanced with { ETag = written.ETag } : null;
    }

    /// <summary>The job with a manual run recorded: its latest run and its count of manual runs; the schedule untouched. A run a
    /// parent's run started is recorded as the latest run without counting as manual (<paramref name="counted"/> false).</summary>
    public static Job WithManualRun(Job job, string runId, DateTimeOffset nowUtc, bool counted = true)
    {
        ArgumentNullException.ThrowIfNull(job);
        var latest = job.LastRunId is { } last && string.CompareOrdinal(last, runId) > 0 ? last : runId;
        return job with { LastRunId = latest, ManualRuns = job.ManualRuns + (counted ? 1 : 0), UpdatedUtc = nowUtc };
    }
}
