using Scheduler.Core.Schedules;

namespace Scheduler.Api.Models;

/// <summary>One occurrence: the instant in UTC, the same instant in the schedule's zone, that zone's offset from UTC then
/// (e.g. <c>-04:00</c>), and, when a daylight-saving change moved or repeated the local time, what happened
/// (<see cref="DstAdjustment"/>) in a sentence (<see cref="Note"/>). The last two are absent otherwise.</summary>
public sealed record Occurrence(DateTimeOffset Utc, DateTimeOffset Local, string UtcOffset, DstAdjustment? DstAdjustment, string? Note)
{
    public static Occurrence From(ScheduledOccurrence occurrence)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        return new(occurrence.Utc, occurrence.Local, occurrence.UtcOffset, occurrence.Adjustment, occurrence.Note);
    }
}
