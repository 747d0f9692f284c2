namespace Scheduler.Api.Models;

/// <summary>Liveness of the scheduler: storage reachable, and how long ago the sweep last completed.</summary>
/// <param name="Status"><c>Healthy</c>, or <c>Degraded</c> when the sweep heartbeat is older than three ticks (and a minute).</param>
public sealed record HealthView(string Status, bool StorageReachable, DateTimeOffset? LastSweepUtc, double? SweepHeartbeatAgeSeconds, DateTimeOffset CheckedUtc);
