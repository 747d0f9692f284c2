namespace Scheduler.Core.Config;

/// <summary>The sweep's cursor (oldest due bucket still worth reading) and its last heartbeat.</summary>
public sealed record SweepState(string? Cursor, DateTimeOffset? LastSweepUtc, int LastThrottled);
