using Scheduler.Core.Runs;

namespace Scheduler.Core.Jobs;

/// <summary>One parent of a job (an entry of its <c>after</c> list): when a run of the job <c>job</c> ends as <c>on</c> says
/// (Succeeded, Failed, or Ended: any final status; after its last retry), the job runs once.</summary>
public sealed record ParentRule
{
    /// <summary>The parent job's id.</summary>
    public required string Job { get; init; }
    public NotifyOn On { get; init; } = NotifyOn.Succeeded;

    /// <summary>Whether a parent run that ended as <paramref name="status"/> counts for this rule.</summary>
    public bool Matches(RunStatus status) => RunEnds.Match(On, status);
}
