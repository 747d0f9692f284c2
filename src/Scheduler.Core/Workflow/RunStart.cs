namespace Scheduler.Core.Workflow;

/// <summary>Where a run's workflow starts: the orchestration input in Azure. A run starts at attempt 1; a workflow that
/// continues as new (to keep a Durable history short while it waits) starts again at the attempt it was waiting for.</summary>
/// <param name="Deferrals">Consecutive deferrals so far, so the wait for a slot keeps growing across a restart.</param>
public sealed record RunStart(string JobId, string RunId, int Attempt = 1, int Deferrals = 0);
