using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Schedules;

namespace Scheduler.Core.Dispatch;

/// <summary>Moves a job to its next occurrence after one was handled.</summary>
/// <remarks>The new due row is written before the job: a crash in between leaves a row with an unknown version (dropped later)
/// while the old row, still matching the job, is handled again (its run insert conflicts) and advances the job then.</remarks>
public sealed class JobAdvancer(IJobStore jobs, IDueIndex due)
{
    public async Task AdvanceAsync(Job job, DateTimeOffset resumeAfterUtc, string? dispatchedRunId, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        var occurrences = job.Occurrences + (dispatchedRunId is null ? 0 : 1);
        var next = ScheduleCalculator.Next(job.Definition.Schedule, job.CreatedUtc, resumeAfterUtc, occurrences);
        var version = job.ScheduleVersion + 1;
        if (next is { } nextDue)
        {
            await due.AddAsync(DueEntryFactory.Scheduled(job, nextDue, version, nowUtc), cancellationToken).ConfigureAwait(false);
        }

        var advanced = job with
        {
            NextDueUtc = next,
            ScheduleVersion = version,
            LastRunId = dispatchedRunId ?? job.LastRunId,
            Occurrences = occurrences,
            Status = next is null ? JobStatus.Completed : job.Status,
            UpdatedUtc = nowUtc,
        };

        // Stale means a user or another sweep changed the job first; their write wins and our new row is dropped as stale.
        await jobs.ReplaceAsync(advanced, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a dispatched manual run on its job (latest run, count of manual runs) without touching the schedule.
    /// A write that lost to another (a sweep advancing the job, a user's edit) is made again on a fresh read.</summary>
    public async Task RecordManualAsync(Job job, string runId, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var latest = job.LastRunId is { } last && string.CompareOrdinal(last, runId) > 0 ? last : runId;
            var recorded = job with { LastRunId = latest, ManualRuns = job.ManualRuns + 1, UpdatedUtc = nowUtc };
            if ((await jobs.ReplaceAsync(recorded, cancellationToken).ConfigureAwait(false)).Outcome != WriteOutcome.Stale)
            {
                return;
            }

            if (await jobs.GetAsync(job.Id, cancellationToken).ConfigureAwait(false) is not { } fresh)
            {
                return;
            }

            job = fresh;
        }
    }
}
