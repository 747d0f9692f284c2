using Scheduler.Core.Jobs;

namespace Scheduler.Core.Runs;

/// <summary>Whether a failed attempt is followed by another: the one rule the workflow and the attempt step both apply.</summary>
public static class RetryRule
{
    public static bool WillRetry(bool retryable, int attempt, RetryPolicy policy) => retryable && attempt < policy.MaxAttempts;
}
