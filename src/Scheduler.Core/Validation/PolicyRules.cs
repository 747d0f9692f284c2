using Scheduler.Core.Jobs;

namespace Scheduler.Core.Validation;

/// <summary>Checks a job's retry, timeout, misfire and overlap settings.</summary>
public static class PolicyRules
{
    public static void Check(JobDefinition job, ValidationErrors errors)
    {
        errors.Require(job.Priority is >= 0 and <= 9, "priority", "The priority must be between 0 and 9.");
        errors.Require(job.Timeout > TimeSpan.Zero && job.Timeout <= Limits.MaxTimeout, "timeout", "The timeout must be more than 0 and at most 6 hours.");
        errors.Require(Identifiers.IsValidId(job.Lane) && job.Lane.Length <= 64, "lane", "The lane is a name of 1-64 letters, digits, '.', '_' or '-'.");
        errors.Require(Enum.IsDefined(job.Overlap), "overlap", "The overlap policy must be Allow, Skip or BufferOne.");
        CheckRetry(job.Retry, errors);
        CheckMisfire(job.Misfire, errors);
    }

    private static void CheckRetry(RetryPolicy? retry, ValidationErrors errors)
    {
        if (retry is null)
        {
            errors.Add("retry", "The retry policy must not be null.");
            return;
        }

        errors.Require(retry.MaxAttempts is >= 1 and <= Limits.MaxAttempts, "retry.maxAttempts", "The number of attempts must be between 1 and 20.");
        errors.Require(retry.FirstInterval >= TimeSpan.Zero && retry.FirstInterval <= Limits.MaxRetryInterval, "retry.firstInterval", "The first interval must be between 0 and 1 day.");
        errors.Require(retry.MaxInterval >= retry.FirstInterval && retry.MaxInterval <= Limits.MaxRetryInterval, "retry.maxInterval", "The maximum interval must be at least the first interval and at most 1 day.");
        errors.Require(retry.Coefficient is >= 1.0 and <= 10.0, "retry.coefficient", "The coefficient must be between 1 and 10.");
        errors.Require(retry.Jitter is >= 0.0 and <= 1.0, "retry.jitter", "The jitter must be between 0 and 1.");
    }

    private static void CheckMisfire(MisfirePolicy? misfire, ValidationErrors errors)
    {
        if (misfire is null)
        {
            errors.Add("misfire", "The misfire policy must not be null.");
            return;
        }

        errors.Require(Enum.IsDefined(misfire.Action), "misfire.action", "The misfire action must be Skip, RunOnce or RunAll.");
        errors.Require(misfire.Threshold >= TimeSpan.Zero && misfire.Threshold <= TimeSpan.FromDays(7), "misfire.threshold", "The misfire threshold must be between 0 and 7 days.");
        errors.Require(misfire.Window >= misfire.Threshold && misfire.Window <= TimeSpan.FromDays(31), "misfire.window", "The misfire window must be at least the threshold and at most 31 days.");
    }
}
