using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Scheduler.Core.Runs;
using Scheduler.Core.Serialization;
using Scheduler.Core.Workflow;
using Scheduler.Functions.Durable;

namespace Scheduler.Functions.Triggers;

/// <summary>Starts the run's orchestration with instance id = run id. The queue's name is the setting the sender reads
/// (<c>Scheduler:Storage:RunsQueue</c>); the sender writes base64 (Storage's QueueRunSender), as this trigger expects.</summary>
public sealed class RunQueueTrigger
{
    /// <summary>Resolved by the host from app settings, like the sweep's schedule.</summary>
    public const string RunsQueueSetting = "%Scheduler:Storage:RunsQueue%";

    [Function(nameof(RunQueueTrigger))]
    public async Task Run(
        [QueueTrigger(RunsQueueSetting, Connection = "AzureWebJobsStorage")] string message,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        var run = SchedulerJson.Deserialize<RunMessage>(message);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                RunOrchestrator.Name,
                new RunStart(run.JobId, run.RunId),
                new StartOrchestrationOptions { InstanceId = run.RunId },
                context.CancellationToken).ConfigureAwait(false);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // A second message for a run (re-enqueued by the sweep) is expected; the running instance carries on.
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            // The same, from client packages older than Microsoft.DurableTask.Client.Grpc 1.22.0, which do not map the status.
        }
    }
}
