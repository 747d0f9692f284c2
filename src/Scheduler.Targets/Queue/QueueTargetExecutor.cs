using Azure;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Targets;

namespace Scheduler.Targets.Queue;

/// <summary>Puts the target's message on a named queue of the scheduler's account. A missing queue is not created: that is a non-retryable failure.</summary>
public sealed class QueueTargetExecutor(IQueueClientFactory queues, TimeProvider time) : ITargetExecutor
{
    public string Kind => TargetKinds.Queue;

    public async Task<AttemptResult> ExecuteAsync(AttemptInvocation invocation, CancellationToken cancellationToken)
    {
        var spec = invocation.Definition.Target as QueueTargetSpec
            ?? throw new ArgumentException($"Job {invocation.JobId}: the queue executor got a '{invocation.Definition.Target.Kind}' target.", nameof(invocation));
        var request = $"queue {spec.QueueName}\n\n{Excerpts.Head(spec.Message, Excerpts.RequestBodyChars)}";
        using var deadline = new AttemptDeadline(invocation.Definition.Timeout, time, cancellationToken);
        try
        {
            var receipt = await queues.GetQueueClient(spec.QueueName).SendMessageAsync(spec.Message, deadline.Token).ConfigureAwait(false);
            return AttemptResult.Success($"message {receipt.Value.MessageId} queued") with { RequestExcerpt = request };
        }
        catch (OperationCanceledException) when (deadline.TimedOut)
        {
            return AttemptResult.TimedOutAfter(deadline.Limit) with { RequestExcerpt = request };
        }
        catch (RequestFailedException ex)
        {
            var missing = ex.Status == 404;
            var error = missing
                ? $"queue '{spec.QueueName}' does not exist in the scheduler's storage account; create it first"
                : $"storage returned {ex.Status} {ex.ErrorCode}: {FirstLine(ex.Message)}";
            var retryable = !missing && AttemptResult.RetryableStatus(ex.Status);
            return AttemptResult.Failure(error, retryable) with { StatusCode = ex.Status, RequestExcerpt = request };
        }
        catch (Exception ex) when (ex is AggregateException or HttpRequestException or IOException)
        {
            // The SDK throws AggregateException once its own retries of a transport failure run out.
            return AttemptResult.Failure($"could not reach the storage account: {ex.Message}", retryable: true) with { RequestExcerpt = request };
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
