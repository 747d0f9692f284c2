using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Scheduler.Core.Workflow;

namespace Scheduler.Functions.Durable;

/// <summary>The run workflow as a Durable orchestration: Core's <see cref="RunWorkflow"/> over activities and durable timers.</summary>
public static class RunOrchestrator
{
    [Function(nameof(RunOrchestrator))]
    public static Task<RunOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var run = context.GetInput<RunRef>() ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no input.");
        return RunWorkflow.RunAsync(new DurableRunContext(context), run);
    }
}
