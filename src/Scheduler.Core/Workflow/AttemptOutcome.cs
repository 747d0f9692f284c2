using Scheduler.Core.Runs;

namespace Scheduler.Core.Workflow;

/// <summary>The result of one attempt step: serializable, so an orchestration can record it in its history.</summary>
public sealed record AttemptOutcome(AttemptOutcomeKind Kind, bool Retryable = false, TimeSpan? RetryAfter = null, TimeSpan? WaitFor = null, string? Error = null, RunStatus? FinalStatus = null)
{
    public static AttemptOutcome Succeeded() => new(AttemptOutcomeKind.Succeeded);
    public static AttemptOutcome Deferred(TimeSpan waitFor) => new(AttemptOutcomeKind.Deferred, WaitFor: waitFor);
    public static AttemptOutcome Canceled() => new(AttemptOutcomeKind.Canceled);
    public static AttemptOutcome Finished(RunStatus status) => new(AttemptOutcomeKind.Finished, FinalStatus: status);

    public static AttemptOutcome From(AttemptResult result) => result.Status switch
    {
        AttemptStatus.Succeeded => Succeeded(),
        AttemptStatus.Canceled => Canceled(),
        _ => new AttemptOutcome(AttemptOutcomeKind.Failed, result.Retryable, result.RetryAfter, Error: result.Error),
    };
}
