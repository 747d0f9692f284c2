namespace Scheduler.Core.Workflow;

/// <summary>Identifies the run a workflow drives; the orchestration input in Azure.</summary>
public sealed record RunRef(string JobId, string RunId);
