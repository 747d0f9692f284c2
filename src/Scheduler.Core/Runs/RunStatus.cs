using System.Text.Json.Serialization;

namespace Scheduler.Core.Runs;

/// <summary>Status of one occurrence's run.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    Queued,
    Running,
    /// <summary>An attempt failed and the next one waits for its backoff.</summary>
    Retrying,
    Succeeded,
    Failed,
    Canceled,
    Skipped,
}
