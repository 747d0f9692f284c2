using System.Text.Json.Serialization;

namespace Scheduler.Core.Schedules;

/// <summary>How a job recurs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScheduleKind>))]
public enum ScheduleKind
{
    Once,
    Cron,
    Interval,
    /// <summary>No occurrences in time: the job runs only after its parents (<c>after</c>) or by hand.</summary>
    None,
}
