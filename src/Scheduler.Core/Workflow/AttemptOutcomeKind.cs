namespace Scheduler.Core.Workflow;

/// <summary>How an attempt step ended, from the workflow's point of view.</summary>
public enum AttemptOutcomeKind
{
    /// <summary>The attempt succeeded; its write settled the run.</summary>
    Succeeded,
    /// <summary>The attempt failed and nothing follows it; its write settled the run.</summary>
    Failed,
    /// <summary>The attempt failed and the policy retries it after <see cref="AttemptOutcome.WaitFor"/>.</summary>
    Retrying,
    /// <summary>The run is not due yet (its message or timer came early): wait until <see cref="AttemptOutcome.DueUtc"/>.</summary>
    NotDue,
    /// <summary>The attempt did not happen yet ( no free slot, paused, or another worker holds it in flight): wait and ask again.</summary>
    Deferred,
    /// <summary>Cancel was requested before the attempt.</summary>
    Canceled,
    /// <summary>The run already reached a terminal status elsewhere, or is gone (its job was deleted).</summary>
    Finished,
}
