using Microsoft.Extensions.Logging;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Dispatch;

/// <summary>Records an occurrence that was not run (misfire or overlap) as a Skipped run, so users see it.</summary>
public sealed class SkippedRuns(IRunStore runs, RunEvents events, ILogger<SkippedRuns> logger)
{
    public Task RecordAsync(Job job, DateTimeOffset dueUtc, string reason, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        RecordAsync(job, dueUtc, RunTrigger.Schedule, RunInputs.None, reason, nowUtc, cancellationToken);

    /// <summary>Records a run of another trigger that was not run (a parent's run meeting a paused job or an overlap), with its inputs.</summary>
    public async Task RecordAsync(Job job, DateTimeOffset dueUtc, RunTrigger trigger, RunInputs inputs, string reason, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        var run = new Run
        {
            JobId = job.Id,
            RunId = RunIds.For(job.Id, dueUtc),
            DueUtc = dueUtc,
            Status = RunStatus.Skipped,
            Trigger = trigger,
            Inputs = inputs,
            Definition = job.Definition,
            CreatedUtc = nowUtc,
            FinishedUtc = nowUtc,
            LastError = reason,
        };
        var written = await runs.InsertAsync(run, cancellationToken).ConfigureAwait(false);
        if (written.Done)
        {
            Log.OccurrenceSkipped(logger, job.Id, dueUtc, reason);
            events.StatusChanged(run, RunStatus.Skipped, 0);
        }
    }
}
