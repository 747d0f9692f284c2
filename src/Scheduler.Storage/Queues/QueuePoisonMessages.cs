using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Scheduler.Core.Ports;

namespace Scheduler.Storage.Queues;

/// <summary>The poison queue on Azure Queue Storage. A queue can only be peeked (32 at most) or received, and a message is
/// changed by its pop receipt, which a receive gives: requeue and delete receive the first 32 for a short while, act on the
/// one asked for, and give the others back at once.</summary>
public sealed class QueuePoisonMessages(StorageClients clients) : IPoisonMessages
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(30);
    private readonly QueueClient _poison = clients.PoisonQueue;
    private readonly QueueClient _runs = clients.RunsQueue;

    public async Task<int> CountAsync(CancellationToken cancellationToken) =>
        (await _poison.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount;

    public async Task<IReadOnlyList<PoisonMessage>> ListAsync(CancellationToken cancellationToken)
    {
        var peeked = await _poison.PeekMessagesAsync(IPoisonMessages.MaxListed, cancellationToken).ConfigureAwait(false);
        return [.. peeked.Value.Select(m => new PoisonMessage(m.MessageId, m.InsertedOn, m.DequeueCount, m.Body.ToString()))];
    }

    public async Task<PoisonMessage?> GetAsync(string messageId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.MessageId == messageId);

    public Task<bool> RequeueAsync(string messageId, CancellationToken cancellationToken) =>
        TakeAsync(messageId, async (message, ct) =>
        {
            await _runs.SendMessageAsync(message.Body, timeToLive: QueueCalls.NeverExpires, cancellationToken: ct).ConfigureAwait(false);
        }, cancellationToken);

    public Task<bool> DeleteAsync(string messageId, CancellationToken cancellationToken) =>
        TakeAsync(messageId, (_, _) => Task.CompletedTask, cancellationToken);

    private async Task<bool> TakeAsync(string messageId, Func<QueueMessage, CancellationToken, Task> before, CancellationToken cancellationToken)
    {
        var received = (await _poison.ReceiveMessagesAsync(IPoisonMessages.MaxListed, Hold, cancellationToken).ConfigureAwait(false)).Value;
        var taken = false;
        foreach (var message in received)
        {
            if (message.MessageId == messageId)
            {
                await before(message, cancellationToken).ConfigureAwait(false);
                taken = await QueueCalls.DeleteAsync(_poison, message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await QueueCalls.UpdateAsync(_poison, message.MessageId, message.PopReceipt, message.Body, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            }
        }

        return taken;
    }
}
