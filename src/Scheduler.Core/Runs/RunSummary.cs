namespace Scheduler.Core.Runs;

/// <summary>Where a run stands, without its definition or results: what a list of jobs shows as each job's last run.</summary>
public sealed record RunSummary(string RunId, RunStatus Status, DateTimeOffset DueUtc, DateTimeOffset? StartedUtc, DateTimeOffset? FinishedUtc)
{
    public static RunSummary Of(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunSummary(run.RunId, run.Status, run.DueUtc, run.StartedUtc, run.FinishedUtc);
    }
}
