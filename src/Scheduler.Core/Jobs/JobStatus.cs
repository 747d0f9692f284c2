using System.Text.Json.Serialization;

namespace Scheduler.Core.Jobs;

/// <summary>Lifecycle of a job.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JobStatus>))]
public enum JobStatus
{
    Active,
    Paused,
    /// <summary>No further occurrences (once job done, end bound or max occurrences reached).</summary>
    Completed,
}
