using System.Text.Json.Serialization;

namespace Scheduler.Core.Runs;

/// <summary>How one attempt ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttemptStatus>))]
public enum AttemptStatus
{
    Succeeded,
    Failed,
    TimedOut,
    /// <summary>Interrupted because the run was canceled while the attempt ran.</summary>
    Canceled,
}
