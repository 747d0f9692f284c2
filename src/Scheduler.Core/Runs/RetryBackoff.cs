using System.Security.Cryptography;
using System.Text;
using Scheduler.Core.Jobs;

namespace Scheduler.Core.Runs;

/// <summary>Exponential backoff, capped, with jitter derived from hash(runId, attempt) so replays compute the same delay.</summary>
public static class RetryBackoff
{
    /// <summary>The delay after failed attempt <paramref name="attempt"/> (1-based) before the next one.</summary>
    public static TimeSpan DelayAfter(RetryPolicy policy, string runId, int attempt, TimeSpan? retryAfter = null)
    {
        var exponential = policy.FirstInterval.TotalMilliseconds * Math.Pow(policy.Coefficient, attempt - 1);
        var capped = Math.Min(exponential, policy.MaxInterval.TotalMilliseconds);
        var spread = capped * policy.Jitter * (Unit(runId, attempt) - 0.5);
        var delay = TimeSpan.FromMilliseconds(Math.Max(0, capped + spread));
        return retryAfter is { } asked && asked > delay ? Min(asked, Validation.Limits.MaxRetryInterval) : delay;
    }

    /// <summary>A number in [0, 1) fixed for a run and attempt.</summary>
    internal static double Unit(string runId, int attempt)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{runId}#{attempt}"), hash);
        return BitConverter.ToUInt32(hash) / (uint.MaxValue + 1.0);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
