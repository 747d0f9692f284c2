using Scheduler.Core.Runs;

namespace Scheduler.Targets.Http;

/// <summary>The body of a run-end notification: which run ended, how, and when.</summary>
public sealed record RunNotification(
    string JobId,
    string RunId,
    RunStatus Status,
    int AttemptCount,
    string? LastError,
    DateTimeOffset DueUtc,
    DateTimeOffset? FinishedUtc)
{
    public static RunNotification Of(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.JobId, run.RunId, run.Status, run.AttemptCount, run.LastError, run.DueUtc, run.FinishedUtc);
    }
}
