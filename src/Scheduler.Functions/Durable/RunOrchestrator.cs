using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Scheduler.Core.Workflow;

namespace Scheduler.Functions.Durable;

/// <summary>The run workflow as a Durable orchestration (instance id = run id): Core's <see cref="RunWorkflow"/> over
/// activities and durable timers. Its output is null when it continued as new.</summary>
public static class RunOrchestrator
{
    [Function(nameof(RunOrchestrator))]
    public static Task<RunOutcome?> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var start = context.GetInput<RunStart>() ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no input.");
        return RunWorkflow.RunAsync(new DurableRunContext(context), start);
    }
}
