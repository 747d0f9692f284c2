using System.Text.Json.Serialization;

namespace Scheduler.Core.Schedules;

/// <summary>How a job recurs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScheduleKind>))]
public enum ScheduleKind
{
    Once,
    Cron,
    Interval,
}
