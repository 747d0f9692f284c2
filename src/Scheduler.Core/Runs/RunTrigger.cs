using System.Text.Json.Serialization;

namespace Scheduler.Core.Runs;

/// <summary>Why a run exists: on its due row (which decides how the sweep treats it) and on the run (which shows it).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunTrigger>))]
public enum RunTrigger
{
    /// <summary>An occurrence of the job's schedule.</summary>
    Schedule,
    /// <summary>Asked for by hand (<c>POST /api/jobs/{id}/trigger</c> with an API key).</summary>
    Manual,
    /// <summary>Started by the end of a run of a job it depends on (<see cref="RunInputs.Parent"/> names that run).</summary>
    Parent,
    /// <summary>Started by an outside system through the trigger endpoint, with the data it sent as the run's parameters.</summary>
    External,
}
