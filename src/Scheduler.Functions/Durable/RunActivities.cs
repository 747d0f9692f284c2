using Microsoft.Azure.Functions.Worker;
using Scheduler.Core.Workflow;

namespace Scheduler.Functions.Durable;

/// <summary>The run's steps as activities; each is idempotent, as Durable activities run at least once.</summary>
public sealed class RunActivities(RunSteps steps, AttemptStep attempts)
{
    [Function(nameof(BeginRun))]
    public Task<RunPlan> BeginRun([ActivityTrigger] RunRef run, FunctionContext context) =>
        steps.BeginAsync(run, context.CancellationToken);

    [Function(nameof(ExecuteAttempt))]
    public Task<AttemptOutcome> ExecuteAttempt([ActivityTrigger] AttemptRequest request, FunctionContext context) =>
        attempts.ExecuteAsync(request, context.CancellationToken);

    [Function(nameof(FinalizeRun))]
    public Task<RunOutcome> FinalizeRun([ActivityTrigger] FinalizeRequest request, FunctionContext context) =>
        steps.FinalizeAsync(request, context.CancellationToken);
}
