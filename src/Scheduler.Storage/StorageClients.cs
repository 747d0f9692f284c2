using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Scheduler.Storage.Queues;

namespace Scheduler.Storage;

/// <summary>Builds the table and queue clients once, with retries, timeouts and the queue message encoding in one place.</summary>
public sealed class StorageClients
{
    private readonly TableServiceClient _tables;
    private readonly ILogger _logger;

    public StorageClients(StorageOptions options, ILogger<StorageClients>? logger = null, StorageRequestCounter? counter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        Options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;

        var tableOptions = new TableClientOptions();
        Configure(tableOptions.Retry, options);
        var queueOptions = options.QueueServiceVersion is { } version ? new QueueClientOptions(version) : new QueueClientOptions();
        Configure(queueOptions.Retry, options);
        if (counter is not null)
        {
            tableOptions.AddPolicy(counter.PolicyFor("table"), HttpPipelinePosition.PerRetry);
            queueOptions.AddPolicy(counter.PolicyFor("queue"), HttpPipelinePosition.PerRetry);
        }

        // The Functions queue trigger expects base64; both hosts send through this one setting.
        queueOptions.MessageEncoding = QueueMessageEncoding.Base64;
        queueOptions.MessageDecodingFailed += args => UndecodableMessages.HandleAsync(args, this, _logger);

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            _tables = new TableServiceClient(options.ConnectionString, tableOptions);
            Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
        }
        else
        {
            var credential = CredentialFor(options);
            _tables = new TableServiceClient(options.TableServiceUri!, credential, tableOptions);
            Queues = new QueueServiceClient(options.QueueServiceUri!, credential, queueOptions);
        }

        RunsQueue = Queues.GetQueueClient(options.RunsQueue);
        PoisonQueue = Queues.GetQueueClient(options.PoisonQueue);
    }

    public StorageOptions Options { get; }
    public QueueServiceClient Queues { get; }
    public QueueClient RunsQueue { get; }
    public QueueClient PoisonQueue { get; }

    /// <summary>The client of one of <see cref="TableNames"/>, with the configured prefix.</summary>
    public TableClient Table(string name) => _tables.GetTableClient(Options.TablePrefix + name);

    private static void Configure(RetryOptions retry, StorageOptions options)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = options.MaxRetries;
        retry.Delay = options.RetryDelay;
        retry.MaxDelay = options.MaxRetryDelay;
        retry.NetworkTimeout = options.NetworkTimeout;
    }

    private static TokenCredential CredentialFor(StorageOptions options) =>
        string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
}
