namespace Scheduler.Core.Workflow;

/// <summary>Another process took over the slot of the run this process was running (its lease ran out while this one stalled):
/// the attempt stopped without recording anything, and the run is the other process's now.</summary>
public sealed class SlotLostException(string runId) : Exception($"Run {runId}: another process took over its slot; this attempt stopped.")
{
    public string RunId { get; } = runId;
}
