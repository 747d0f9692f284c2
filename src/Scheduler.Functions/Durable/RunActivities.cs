using Microsoft.Azure.Functions.Worker;
using Scheduler.Core.Workflow;

namespace Scheduler.Functions.Durable;

/// <summary>The run's steps as activities; each is idempotent, as Durable activities run at least once.</summary>
public sealed class RunActivities(AttemptStep attempts, RunFinalizer finalizer)
{
    [Function(nameof(ExecuteAttempt))]
    public Task<AttemptOutcome> ExecuteAttempt([ActivityTrigger] AttemptRequest request, FunctionContext context) =>
        attempts.ExecuteAsync(request, context.CancellationToken);

    [Function(nameof(FinalizeRun))]
    public Task<RunOutcome> FinalizeRun([ActivityTrigger] FinalizeRequest request, FunctionContext context) =>
        finalizer.FinalizeAsync(request, context.CancellationToken);
}
