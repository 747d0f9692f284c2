using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Workflow;

/// <summary>The result of one attempt step: serializable, so an orchestration can record it in its history.</summary>
/// <param name="FinalStatus">The status an ended run has in storage.</param>
/// <param name="Attempts">Attempts an ended run made.</param>
/// <param name="DueUtc">When a run that is not due yet becomes due.</param>
/// <param name="WaitFor">How long to wait before asking again (deferred) or before the next attempt (retrying).</param>
public sealed record AttemptOutcome(AttemptOutcomeKind Kind, TimeSpan? WaitFor = null, string? Error = null, RunStatus? FinalStatus = null, DateTimeOffset? DueUtc = null, int Attempts = 0)
{
    public static AttemptOutcome Ended(RunStatus status, int attempts, string? error = null) =>
        new(AttemptOutcomeKind.Ended, Error: error, FinalStatus: status, Attempts: attempts);
    public static AttemptOutcome Deferred(TimeSpan waitFor) => new(AttemptOutcomeKind.Deferred, WaitFor: waitFor);
    public static AttemptOutcome NotDue(DateTimeOffset dueUtc) => new(AttemptOutcomeKind.NotDue, DueUtc: dueUtc);
    public static AttemptOutcome Retrying(TimeSpan waitFor, string? error) => new(AttemptOutcomeKind.Retrying, waitFor, error);

    /// <summary>The one place that decides what follows an attempt, and so the run's status after it: Succeeded, Retrying
    /// after the policy's backoff, Failed, or Canceled (a cancel interrupted it).</summary>
    public static AttemptOutcome From(AttemptResult result, int attempt, RetryPolicy policy, string runId)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            AttemptStatus.Succeeded => Ended(RunStatus.Succeeded, attempt),
            AttemptStatus.Canceled => Ended(RunStatus.Canceled, attempt, result.Error),
            _ when RetryRule.WillRetry(result.Retryable, attempt, policy) => Retrying(RetryBackoff.DelayAfter(policy, runId, attempt, result.RetryAfter), result.Error),
            _ => Ended(RunStatus.Failed, attempt, result.Error),
        };
    }

    /// <summary>The run status an attempt with this outcome leaves behind. Internal, so that no serializer (an orchestration's
    /// history) reads it for an outcome that leaves none.</summary>
    internal RunStatus RunStatusAfter => Kind == AttemptOutcomeKind.Retrying
        ? RunStatus.Retrying
        : FinalStatus ?? throw new InvalidOperationException($"An attempt outcome of kind {Kind} leaves no run status.");
}
