using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Workflow;

/// <summary>What the workflow needs to know about its run before the first attempt.</summary>
/// <param name="Exists">False when the run row is gone (the job was deleted): the workflow ends.</param>
public sealed record RunPlan(bool Exists, RunStatus Status, DateTimeOffset DueUtc, RetryPolicy Retry, int AttemptCount);
