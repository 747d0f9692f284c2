namespace Scheduler.Core.Dispatch;

/// <summary>A row of the due index: one occurrence waiting to be dispatched.</summary>
/// <param name="Bucket">Partition: the UTC minute of the occurrence, never earlier than the minute it was inserted in.</param>
public sealed record DueEntry(string Bucket, string JobId, DateTimeOffset DueUtc, int Priority, long ScheduleVersion, RunTriggerKind Kind);
