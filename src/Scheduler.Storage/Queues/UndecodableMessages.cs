using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace Scheduler.Storage.Queues;

/// <summary>Moves a message that is not base64 (sent by a raw-text producer) to the poison queue, so it cannot block the receiver.</summary>
internal static class UndecodableMessages
{
    public static async Task HandleAsync(QueueMessageDecodingFailedEventArgs args, StorageClients clients, ILogger logger)
    {
        var message = args.ReceivedMessage;
        if (message is null || args.Queue.Name == clients.PoisonQueue.Name)
        {
            return;
        }

        Log.UndecodableMessage(logger, args.Queue.Name, message.MessageId);
        if (args.IsRunningSynchronously)
        {
            clients.PoisonQueue.SendMessage(message.Body, timeToLive: QueueCalls.NeverExpires, cancellationToken: args.CancellationToken);
            args.Queue.DeleteMessage(message.MessageId, message.PopReceipt, args.CancellationToken);
            return;
        }

        await clients.PoisonQueue.SendMessageAsync(message.Body, timeToLive: QueueCalls.NeverExpires, cancellationToken: args.CancellationToken).ConfigureAwait(false);
        await QueueCalls.DeleteAsync(args.Queue, message.MessageId, message.PopReceipt, args.CancellationToken).ConfigureAwait(false);
    }
}
