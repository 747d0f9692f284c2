using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Workflow;

/// <summary>The result of one attempt step: serializable, so an orchestration can record it in its history.</summary>
/// <param name="Attempts">Attempts a finished run made.</param>
/// <param name="DueUtc">When a run that is not due yet becomes due.</param>
/// <param name="WaitFor">How long to wait before asking again (deferred) or before the next attempt (retrying).</param>
public sealed record AttemptOutcome(AttemptOutcomeKind Kind, TimeSpan? WaitFor = null, string? Error = null, RunStatus? FinalStatus = null, DateTimeOffset? DueUtc = null, int Attempts = 0)
{
    public static AttemptOutcome Succeeded() => new(AttemptOutcomeKind.Succeeded);
    public static AttemptOutcome Deferred(TimeSpan waitFor) => new(AttemptOutcomeKind.Deferred, WaitFor: waitFor);
    public static AttemptOutcome NotDue(DateTimeOffset dueUtc) => new(AttemptOutcomeKind.NotDue, DueUtc: dueUtc);
    public static AttemptOutcome Canceled() => new(AttemptOutcomeKind.Canceled);
    public static AttemptOutcome Finished(RunStatus status, int attempts) => new(AttemptOutcomeKind.Finished, FinalStatus: status, Attempts: attempts);
    public static AttemptOutcome Retrying(TimeSpan waitFor, string? error) => new(AttemptOutcomeKind.Retrying, waitFor, error);
    public static AttemptOutcome Failed(string? error) => new(AttemptOutcomeKind.Failed, Error: error);

    /// <summary>The one place that decides what follows an attempt: success, a retry after the policy's backoff, or failure.</summary>
    public static AttemptOutcome From(AttemptResult result, int attempt, RetryPolicy policy, string runId)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Status == AttemptStatus.Succeeded)
        {
            return Succeeded();
        }

        if (result.Status == AttemptStatus.Canceled)
        {
            // Interrupted by a cancel: the attempt's own write settles the run, nothing follows.
            return Finished(RunStatus.Canceled, attempt);
        }

        return RetryRule.WillRetry(result.Retryable, attempt, policy)
            ? Retrying(RetryBackoff.DelayAfter(policy, runId, attempt, result.RetryAfter), result.Error)
            : Failed(result.Error);
    }

    /// <summary>The run status an attempt with this outcome leaves behind.</summary>
    public RunStatus RunStatusAfter => Kind switch
    {
        AttemptOutcomeKind.Succeeded => RunStatus.Succeeded,
        AttemptOutcomeKind.Retrying => RunStatus.Retrying,
        AttemptOutcomeKind.Finished => FinalStatus ?? RunStatus.Failed,
        _ => RunStatus.Failed,
    };
}
