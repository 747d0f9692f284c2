namespace Scheduler.Core.Jobs;

/// <summary>Exponential backoff with a cap and deterministic jitter.</summary>
public sealed record RetryPolicy
{
    public static readonly RetryPolicy Default = new();
    public static readonly RetryPolicy None = new() { MaxAttempts = 1 };

    /// <summary>Total attempts including the first (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 3;
    public TimeSpan FirstInterval { get; init; } = TimeSpan.FromSeconds(1);
    public double Coefficient { get; init; } = 2.0;
    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Fraction (0 to 1) of each delay that is spread deterministically per run and attempt.</summary>
    public double Jitter { get; init; } = 0.1;
}
