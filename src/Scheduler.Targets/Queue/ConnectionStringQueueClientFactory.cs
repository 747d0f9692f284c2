using Azure.Storage.Queues;

namespace Scheduler.Targets.Queue;

/// <summary>Queue clients of the account named by a connection string, base64-encoded.</summary>
public sealed class ConnectionStringQueueClientFactory(string connectionString) : IQueueClientFactory
{
    private readonly QueueServiceClient service = new(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public QueueClient GetQueueClient(string queueName) => service.GetQueueClient(queueName);
}
