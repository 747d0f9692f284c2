using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Scheduler.Core.Workflow;

namespace Scheduler.Functions.Durable;

/// <summary>The run workflow as a Durable orchestration (instance id = run id): Core's <see cref="RunWorkflow"/> over
/// activities, with the last part of each wait held by the next activity (<see cref="DurableRunContext"/>). Its output is
/// null when it continued as new. Named anew ("RunOrchestratorV2") when waits moved into the activity, so that instances of
/// the earlier orchestrator replay with <see cref="RunOrchestratorV1"/>.</summary>
public static class RunOrchestrator
{
    public const string Name = "RunOrchestratorV2";

    [Function(Name)]
    public static Task<RunOutcome?> Run([OrchestrationTrigger] TaskOrchestrationContext context) => Run(context, DurableWaits.InActivity);

    internal static async Task<RunOutcome?> Run(TaskOrchestrationContext context, DurableWaits waits)
    {
        ArgumentNullException.ThrowIfNull(context);
        var start = context.GetInput<RunStart>() ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no input.");
        return (await RunWorkflow.RunAsync(new DurableRunContext(context, waits), start)).Outcome;
    }
}
