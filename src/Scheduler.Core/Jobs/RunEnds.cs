using Scheduler.Core.Runs;

namespace Scheduler.Core.Jobs;

/// <summary>The one place that decides which run ends an <c>on</c> value names, for notifications and parents alike.</summary>
public static class RunEnds
{
    /// <summary>Failed and Succeeded name that status; Ended names any final status a run can end with (Succeeded, Failed, Canceled).</summary>
    public static bool Match(NotifyOn on, RunStatus status) => on switch
    {
        NotifyOn.Failed => status == RunStatus.Failed,
        NotifyOn.Succeeded => status == RunStatus.Succeeded,
        _ => status.IsTerminal(),
    };
}
