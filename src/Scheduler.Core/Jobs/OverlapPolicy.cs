using System.Text.Json.Serialization;

namespace Scheduler.Core.Jobs;

/// <summary>What to do when an occurrence is due while the job's previous run is still active.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OverlapPolicy>))]
public enum OverlapPolicy
{
    /// <summary>Run anyway, in parallel.</summary>
    Allow,
    /// <summary>Skip the occurrence (recorded as a skipped run).</summary>
    Skip,
    /// <summary>Hold the occurrence until the active run ends; later ones pile up as misfires.</summary>
    BufferOne,
}
