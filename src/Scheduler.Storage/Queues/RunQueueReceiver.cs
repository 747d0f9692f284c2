using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Scheduler.Core.Runs;
using Scheduler.Core.Serialization;

namespace Scheduler.Storage.Queues;

/// <summary>The worker's side of the runs queue. A lost lease (stale pop receipt, message gone) is a <c>false</c>/<c>null</c>, never an exception.</summary>
public sealed class RunQueueReceiver(StorageClients clients, ILogger<RunQueueReceiver>? logger = null)
{
    /// <summary>The service's limit for one receive.</summary>
    public const int MaxBatch = 32;

    private readonly QueueClient _queue = clients.RunsQueue;
    private readonly QueueClient _poison = clients.PoisonQueue;
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>Up to <paramref name="maxMessages"/> visible messages, each hidden for <paramref name="visibilityTimeout"/>.
    /// Messages that are not run messages go to the poison queue and are not returned.</summary>
    public async Task<IReadOnlyList<ReceivedRun>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var response = await _queue.ReceiveMessagesAsync(
            Math.Clamp(maxMessages, 1, MaxBatch), QueueCalls.Clamp(visibilityTimeout), cancellationToken).ConfigureAwait(false);
        var received = new List<ReceivedRun>(response.Value.Length);
        foreach (var message in response.Value)
        {
            if (TryParse(message, out var run, out var error))
            {
                received.Add(new ReceivedRun(run, message.MessageId, message.PopReceipt, message.DequeueCount));
                continue;
            }

            Log.MalformedMessage(_logger, message.MessageId, error);
            await MoveAsync(message.MessageId, message.PopReceipt, message.Body, cancellationToken).ConfigureAwait(false);
        }

        return received;
    }

    /// <summary>False when the lease was lost: another receiver holds the message now, or it is gone.</summary>
    public Task<bool> DeleteAsync(ReceivedRun received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(received);
        return QueueCalls.DeleteAsync(_queue, received.MessageId, received.PopReceipt, cancellationToken);
    }

    /// <summary>Hides the message for <paramref name="visibility"/> from now; the new pop receipt, or null when the lease was lost.</summary>
    public Task<string?> UpdateVisibilityAsync(ReceivedRun received, TimeSpan visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(received);
        var body = BinaryData.FromString(SchedulerJson.Serialize(received.Message));
        return QueueCalls.UpdateAsync(_queue, received.MessageId, received.PopReceipt, body, visibility, cancellationToken);
    }

    /// <summary>Copies the message to the poison queue, then deletes it here; false when the lease was lost (the copy then stays: a duplicate in poison is harmless).</summary>
    public Task<bool> MoveToPoisonAsync(ReceivedRun received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(received);
        Log.MovedToPoison(_logger, received.MessageId, received.DequeueCount);
        var body = BinaryData.FromString(SchedulerJson.Serialize(received.Message));
        return MoveAsync(received.MessageId, received.PopReceipt, body, cancellationToken);
    }

    /// <summary>Approximate number of messages in the runs queue, or in the poison queue.</summary>
    public async Task<int> ApproximateCountAsync(bool poison, CancellationToken cancellationToken)
    {
        var properties = await (poison ? _poison : _queue).GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        return properties.Value.ApproximateMessagesCount;
    }

    private async Task<bool> MoveAsync(string messageId, string popReceipt, BinaryData body, CancellationToken cancellationToken)
    {
        await _poison.SendMessageAsync(body, timeToLive: QueueCalls.NeverExpires, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await QueueCalls.DeleteAsync(_queue, messageId, popReceipt, cancellationToken).ConfigureAwait(false);
    }

    private static bool TryParse(QueueMessage message, [NotNullWhen(true)] out RunMessage? run, [NotNullWhen(false)] out Exception? error)
    {
        try
        {
            run = SchedulerJson.Deserialize<RunMessage>(message.Body.ToString());
            error = run.JobId is null || run.RunId is null ? new JsonException("A run message needs a job id and a run id.") : null;
        }
        catch (JsonException e)
        {
            run = null;
            error = e;
        }

        return error is null;
    }
}
