using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Scheduler.Core.Runs;
using Scheduler.Core.Stats;

namespace Scheduler.Core.Telemetry;

/// <summary>Emits one <c>RunStatusChanged</c> event per status change: a log event, a span event, metrics and, for a final
/// status, the per-minute run counters.</summary>
public sealed class RunEvents(ILogger<RunEvents> logger, RunCounters counters)
{
    /// <summary>A run's first attempt started (its lateness is set, signed: an early start is below zero).</summary>
    public void FirstAttemptStarted(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.LatenessMs is { } lateness)
        {
            SchedulerTelemetry.DispatchLateness.Record(lateness);
            counters.Started(lateness, run.StartedUtc ?? run.DueUtc.AddMilliseconds(lateness));
        }
    }

    public void StatusChanged(Run run, RunStatus status, int attempt)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.LatenessMs is { } lateness)
        {
            Log.RunStatusChanged(logger, run.JobId, run.RunId, status, attempt, lateness);
        }
        else
        {
            Log.RunStatusChangedBeforeStart(logger, run.JobId, run.RunId, status, attempt, run.DueUtc);
        }

        Activity.Current?.AddEvent(new ActivityEvent("RunStatusChanged", tags: new ActivityTagsCollection
        {
            ["scheduler.job_id"] = run.JobId,
            ["scheduler.run_id"] = run.RunId,
            ["scheduler.status"] = status.ToString(),
            ["scheduler.attempt"] = attempt,
        }));
        if (status.IsTerminal())
        {
            SchedulerTelemetry.Completed.Add(1, new KeyValuePair<string, object?>("outcome", status.ToString()));
            counters.Finished(status, run.FinishedUtc);
        }
    }
}
