using Scheduler.Core.Config;

namespace Scheduler.Core.Dispatch;

/// <summary>Whether a sweep writes its state (cursor, heartbeat, throttled count): when its cursor moved, when a backlog began or
/// ended (a manual trigger defers to the sweep while one waits), else once per <see cref="Every"/>. Under a burst the Server sweeps
/// back to back, many times a second, its cursor held at the burst's bucket: a write per sweep would be a storage call in each
/// sweep's chain that tells nobody anything new (health judges the heartbeat in minutes).</summary>
internal static class SweepHeartbeat
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    public static bool ShouldWrite(SweepState stored, string nextCursor, int throttled, DateTimeOffset now) =>
        !string.Equals(stored.Cursor, nextCursor, StringComparison.Ordinal)
        || (stored.LastThrottled > 0) != (throttled > 0)
        || stored.LastSweepUtc is not { } last
        || now - last >= Every
        || now < last;
}
