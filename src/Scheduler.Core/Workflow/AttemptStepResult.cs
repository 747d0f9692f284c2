using Scheduler.Core.Runs;

namespace Scheduler.Core.Workflow;

/// <summary>An attempt step's outcome and the run as stored after it, when the step knows it (the Server's context keeps it
/// for the next step instead of reading the run again).</summary>
public sealed record AttemptStepResult(AttemptOutcome Outcome, Run? Run);
