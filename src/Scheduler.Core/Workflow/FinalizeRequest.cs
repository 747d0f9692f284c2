using Scheduler.Core.Runs;

namespace Scheduler.Core.Workflow;

/// <summary>Write the run's terminal status.</summary>
public sealed record FinalizeRequest(string JobId, string RunId, RunStatus Status, int Attempts, string? Error);
