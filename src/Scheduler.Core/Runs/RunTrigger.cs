using System.Text.Json.Serialization;

namespace Scheduler.Core.Runs;

/// <summary>Why a run exists.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunTrigger>))]
public enum RunTrigger
{
    Schedule,
    Manual,
}
