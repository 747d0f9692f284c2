namespace Scheduler.Core.Health;

/// <summary>Storage failing since <paramref name="SinceUtc"/>, its last failure saying <paramref name="Reason"/>.</summary>
public sealed record StorageOutage(string Reason, DateTimeOffset SinceUtc);
