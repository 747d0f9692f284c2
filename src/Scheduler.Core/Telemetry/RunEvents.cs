using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Telemetry;

/// <summary>Emits one <c>RunStatusChanged</c> event per status change: a log event, a span event and metrics.</summary>
public sealed class RunEvents(ILogger<RunEvents> logger)
{
    public void StatusChanged(Run run, RunStatus status, int attempt)
    {
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
        }
    }
}
