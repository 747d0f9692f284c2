namespace Scheduler.Core.Workflow;

/// <summary>Waits in process until a clock reaches an instant. A timer may end a little before its clock reads the instant,
/// so the wait holds until the clock itself says so: never early.</summary>
public static class ClockWait
{
    /// <summary>Returns once <paramref name="time"/> reads <paramref name="instant"/> or later (at once for an instant passed).</summary>
    public static async Task UntilAsync(this TimeProvider time, DateTimeOffset instant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        for (var left = instant - time.GetUtcNow(); left > TimeSpan.Zero; left = instant - time.GetUtcNow())
        {
            await Task.Delay(left, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
