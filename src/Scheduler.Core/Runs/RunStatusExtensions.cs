namespace Scheduler.Core.Runs;

/// <summary>Classification of run statuses.</summary>
public static class RunStatusExtensions
{
    /// <summary>True when the run will never change again.</summary>
    public static bool IsTerminal(this RunStatus status) =>
        status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Canceled or RunStatus.Skipped;
}
