namespace Scheduler.Core.Schedules;

/// <summary>Schedule versions written by users are time-based, so a due row left by a failed create or update never matches a job.</summary>
public static class ScheduleVersions
{
    public static long Next(long current, DateTimeOffset nowUtc) => Math.Max(current + 1, nowUtc.UtcTicks);
}
