using System.Text.Json.Serialization;

namespace Scheduler.Core.Jobs;

/// <summary>Which ends of a run a notification reports.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NotifyOn>))]
public enum NotifyOn
{
    /// <summary>The run failed (its last attempt failed, or it timed out, with no retry left).</summary>
    Failed,
    /// <summary>The run succeeded.</summary>
    Succeeded,
    /// <summary>The run ended, whatever its status (Succeeded, Failed or Canceled).</summary>
    Ended,
}
