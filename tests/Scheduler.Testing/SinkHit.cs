namespace Scheduler.Testing;

/// <summary>One request the sink received, with its arrival time.</summary>
public sealed record SinkHit(string Path, DateTimeOffset ReceivedUtc, string IdempotencyKey, string Attempt);
