using Microsoft.Azure.Functions.Worker;
using Scheduler.Core.Workflow;

namespace Scheduler.Functions.Durable;

/// <summary>The run's one step as an activity; idempotent per attempt number, as Durable activities run at least once.</summary>
public sealed class RunActivities(AttemptStep attempts)
{
    [Function(nameof(ExecuteAttempt))]
    public Task<AttemptOutcome> ExecuteAttempt([ActivityTrigger] AttemptRequest request, FunctionContext context) =>
        attempts.ExecuteAsync(request, context.CancellationToken);
}
