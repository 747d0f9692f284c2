using Azure.Storage.Queues;

namespace Scheduler.Targets.Queue;

/// <summary>Gives the client of a named queue in the scheduler's storage account; the host decides the account and credential.</summary>
public interface IQueueClientFactory
{
    /// <summary>A client for <paramref name="queueName"/>, with base64 message encoding like the rest of Scheduler.</summary>
    QueueClient GetQueueClient(string queueName);
}
