using Scheduler.Core.Runs;

namespace Scheduler.Core.Jobs;

/// <summary>A run-end notification: when a run of the job ends as 'on' says, a small JSON body (job and run ids, status, attempt
/// count, last error, due and finish times) is POSTed to 'url'.</summary>
public sealed record NotifyRule
{
    public NotifyOn On { get; init; } = NotifyOn.Failed;
    public required string Url { get; init; }

    /// <summary>Whether a run that ended as <paramref name="status"/> is reported by this rule.</summary>
    public bool Matches(RunStatus status) => RunEnds.Match(On, status);
}
