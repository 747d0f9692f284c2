namespace Scheduler.Core.Workflow;

/// <summary>Execute attempt <paramref name="Attempt"/> (1-based) of a run; idempotent per attempt number.</summary>
public sealed record AttemptRequest(string JobId, string RunId, int Attempt);
