namespace Scheduler.Core.Schedules;

/// <summary>One occurrence of a schedule: the instant, the same instant in the schedule's zone, and what a daylight-saving
/// change did to it (<see cref="Adjustment"/> and a sentence for people in <see cref="Note"/>; both null when nothing).</summary>
public sealed record ScheduledOccurrence(DateTimeOffset Utc, DateTimeOffset Local, DstAdjustment? Adjustment, string? Note)
{
    /// <summary>The offset from UTC in force at the occurrence, e.g. <c>-04:00</c>.</summary>
    public string UtcOffset => Offsets.Iso(Local.Offset);
}
