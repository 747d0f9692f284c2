namespace Scheduler.Core.Runs;

/// <summary>The run of a parent job whose end started a run (its lineage), with what the child may use of it.</summary>
/// <param name="Output">The parent run's result excerpt, bounded.</param>
public sealed record RunParent(string JobId, string RunId, RunStatus Status, string? Output = null);
