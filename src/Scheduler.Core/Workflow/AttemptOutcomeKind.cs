namespace Scheduler.Core.Workflow;

/// <summary>How an attempt step ended, from the workflow's point of view.</summary>
public enum AttemptOutcomeKind
{
    Succeeded,
    Failed,
    /// <summary>The attempt did not happen yet (no free slot, or another worker holds it in flight): wait and ask again.</summary>
    Deferred,
    /// <summary>Cancel was requested before the attempt.</summary>
    Canceled,
    /// <summary>The run already reached a terminal status elsewhere.</summary>
    Finished,
}
