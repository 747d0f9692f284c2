using Azure.Storage.Queues;
using Scheduler.Storage;
using Scheduler.Targets.Queue;

namespace Scheduler.Hosting;

/// <summary>Queue targets write to the scheduler's own account with its credential (connection string or managed identity).</summary>
public sealed class StorageQueueClientFactory(StorageClients clients) : IQueueClientFactory
{
    public QueueClient GetQueueClient(string queueName) => clients.Queues.GetQueueClient(queueName);
}
