using System.Text.Json.Serialization;

namespace Scheduler.Core.Jobs;

/// <summary>What to do with occurrences that are later than the misfire threshold.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MisfireAction>))]
public enum MisfireAction
{
    /// <summary>Drop missed occurrences and resume from now.</summary>
    Skip,
    /// <summary>Run one occurrence for everything missed, then resume from now.</summary>
    RunOnce,
    /// <summary>Run every missed occurrence that is within the window; older ones are skipped.</summary>
    RunAll,
}
