namespace Scheduler.Core.Workflow;

/// <summary>A run that must exist does not (its job was deleted mid-run).</summary>
public sealed class RunNotFoundException(string runId) : Exception($"Run '{runId}' does not exist.")
{
    public string RunId => runId;
}
