namespace Scheduler.Core.Resilience;

/// <summary>The one backoff of the loops that wait and try again: <see cref="First"/>, doubling, capped at <see cref="Max"/>.
/// <see cref="Default"/> when storage or processing fails (queue receive, sweep, storage start, a run message that failed to
/// process, a Durable activity); the run workflow's wait for a slot grows by it too. Not for job retries, which follow the
/// job's own <see cref="Jobs.RetryPolicy"/> (see <see cref="Runs.RetryBackoff"/>).</summary>
public sealed record Backoff(TimeSpan First, TimeSpan Max)
{
    /// <summary>1 s, 2 s, 4 s ... 30 s: quick to notice that storage is back, and at most two calls a minute per loop
    /// while it is not.</summary>
    public static readonly Backoff Default = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    /// <summary>The wait after <paramref name="failures"/> failures in a row (1 or more).</summary>
    public TimeSpan After(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        // 2^30 seconds is far beyond any cap; the exponent is bounded so that the product cannot overflow.
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var ticks = Math.Min(First.Ticks * factor, Max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
