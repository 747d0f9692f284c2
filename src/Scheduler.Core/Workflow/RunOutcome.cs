using Scheduler.Core.Runs;

namespace Scheduler.Core.Workflow;

/// <summary>How a run ended.</summary>
public sealed record RunOutcome(RunStatus Status, int Attempts);
