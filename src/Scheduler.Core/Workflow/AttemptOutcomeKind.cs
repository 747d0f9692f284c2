namespace Scheduler.Core.Workflow;

/// <summary>How an attempt step ended, from the workflow's point of view.</summary>
/// <remarks>The numbers are part of Durable histories (an orchestration records each outcome): an orchestration still
/// under way holds only Retrying, NotDue and Deferred, which keep the numbers they had before the kinds that end a run
/// became <see cref="Ended"/>, so it replays across that change.</remarks>
public enum AttemptOutcomeKind
{
    /// <summary>The run has its final status (<see cref="AttemptOutcome.FinalStatus"/>), written by the step or found already
    /// written; or it is gone (its job was deleted). Nothing follows.</summary>
    Ended = 0,
    /// <summary>The attempt failed and the policy retries it after <see cref="AttemptOutcome.WaitFor"/>.</summary>
    Retrying = 2,
    /// <summary>The run is not due yet (its message or timer came early): wait until <see cref="AttemptOutcome.DueUtc"/>.</summary>
    NotDue = 3,
    /// <summary>The attempt did not happen yet (no free slot, paused, or another worker holds it in flight): wait and ask again.</summary>
    Deferred = 4,
}
