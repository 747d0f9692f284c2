using Scheduler.Core.Jobs;

namespace Scheduler.Core.Runs;

/// <summary>Whether a failed attempt is followed by another: decided once, where the attempt's outcome is built (<c>AttemptOutcome.From</c>).</summary>
public static class RetryRule
{
    public static bool WillRetry(bool retryable, int attempt, RetryPolicy policy) => retryable && attempt < policy.MaxAttempts;
}
