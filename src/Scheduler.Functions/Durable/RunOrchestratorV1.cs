using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Scheduler.Core.Workflow;

namespace Scheduler.Functions.Durable;

/// <summary>The run workflow as orchestrations started before December 2026 run it: a durable timer for every wait. Their
/// histories hold those timers, so they replay only with this orchestrator, and finish as they began; new runs start
/// <see cref="RunOrchestrator"/>. Remove it once no instance named "RunOrchestrator" is running in the task hub.</summary>
public static class RunOrchestratorV1
{
    public const string Name = "RunOrchestrator";

    [Function(Name)]
    public static Task<RunOutcome?> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        RunOrchestrator.Run(context, DurableWaits.TimersOnly);
}
