using System.Text.Json.Serialization;

namespace Scheduler.Core.Jobs;

/// <summary>With several parents, which of their runs start the job (<c>require</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ParentsRequired>))]
public enum ParentsRequired
{
    /// <summary>One run once every parent has had a matching run since the job's last run started this way.</summary>
    All,
    /// <summary>One run per matching run of any parent.</summary>
    Any,
}
