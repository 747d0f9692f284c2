using System.Diagnostics;

namespace Scheduler.Testing;

/// <summary>Polls until a condition holds or a deadline passes: the one way the suites wait, never a fixed sleep.</summary>
public static class Eventually
{
    /// <param name="what">What is awaited, for the failure message (the last value probed is given too).</param>
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, TimeSpan? interval = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe().ConfigureAwait(false);
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{what ?? "Condition"} not met within {timeout}; last value: {(value is null ? "null" : value)}.");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
        }
    }
}
