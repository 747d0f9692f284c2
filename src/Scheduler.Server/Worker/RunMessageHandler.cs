using Microsoft.Extensions.Options;
using Scheduler.Core.Resilience;
using Scheduler.Core.Workflow;
using Scheduler.InProcess;
using Scheduler.Storage;
using Scheduler.Storage.Queues;

namespace Scheduler.Server.Worker;

/// <summary>Handles one received run message: holds its lease while the run runs here, then decides what becomes of the message:
/// deleted when the run ended, hidden until the run resumes when it suspended, hidden for a <see cref="Backoff"/> when running
/// threw, poisoned after <see cref="WorkerOptions.MaxFailures"/> throws, handed back at once when the host aborts it.
/// A message hidden until later wakes this process's worker when it shows again (<see cref="RunQueueWake"/>).</summary>
public sealed class RunMessageHandler(
    RunQueueReceiver queue, InProcessWorkflow workflow, RunQueueWake wake, TimeProvider time, IOptions<WorkerOptions> options, ILogger<RunMessageHandler> logger)
{
    private readonly WorkerOptions settings = options.Value;
    private readonly FailureCounts failures = new(time);

    public async Task HandleAsync(ReceivedRun message, CancellationToken abort)
    {
        await using var lease = new MessageLease(queue, message, settings, time, logger);
        RunProgress result;
        try
        {
            result = await workflow.RunQueuedAsync(message.Message, abort).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            await lease.HideAsync(TimeSpan.Zero).ConfigureAwait(false);
            return;
        }
#pragma warning disable CA1031 // Any processing failure counts towards the poison limit; the run itself stays consistent in storage.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await FailedAsync(lease, ex).ConfigureAwait(false);
            return;
        }

        failures.Clear(message.MessageId);
        if (result.ResumeAtUtc is { } resumeAt)
        {
            Log.Suspended(logger, message.Message.RunId, resumeAt);
            await HideAsync(lease, resumeAt - time.GetUtcNow()).ConfigureAwait(false);
        }
        else
        {
            await lease.DeleteAsync().ConfigureAwait(false);
        }
    }

    private async Task FailedAsync(MessageLease lease, Exception ex)
    {
        var message = lease.Message;
        var count = failures.Add(message.MessageId);
        if (count >= settings.MaxFailures)
        {
            Log.Poisoned(logger, message.Message.RunId, count, ex);
            failures.Clear(message.MessageId);
            await lease.PoisonAsync().ConfigureAwait(false);
            return;
        }

        var backoff = Backoff.Default.After(count);
        Log.ProcessFailed(logger, message.Message.RunId, count, message.DequeueCount, StorageFaults.Describe(ex), backoff, FailureLog.Once(logger, count, ex));
        await HideAsync(lease, backoff).ConfigureAwait(false);
    }

    private async Task HideAsync(MessageLease lease, TimeSpan delay)
    {
        await lease.HideAsync(delay).ConfigureAwait(false);
        wake.WakeAt(time.GetUtcNow() + QueueRunSender.VisibleAfter(delay));
    }
}
