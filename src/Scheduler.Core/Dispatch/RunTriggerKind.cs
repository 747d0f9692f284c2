namespace Scheduler.Core.Dispatch;

/// <summary>Whether a due row comes from the job's schedule or from a manual trigger.</summary>
public enum RunTriggerKind
{
    Scheduled,
    Manual,
}
