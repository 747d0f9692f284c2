using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>The Durable Task engine as the Functions host runs it: the backend behind the gRPC endpoint that the isolated
/// worker's orchestrations and activities connect to.</summary>
public sealed class DurableSidecar : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly IOrchestrationService service;

    private DurableSidecar(WebApplication app, IOrchestrationService service, GrpcChannel channel)
    {
        this.app = app;
        this.service = service;
        Channel = channel;
    }

    public GrpcChannel Channel { get; }

    /// <param name="storagePolicy">When set, a pipeline policy per service added to the backend's storage clients.</param>
    public static async Task<DurableSidecar> StartAsync(DurableBackend backend, string storageConnectionString, string hubName, HostJson hostJson,
        Func<string, HttpPipelinePolicy>? storagePolicy = null)
    {
        var backendService = await CreateServiceAsync(backend, storageConnectionString, hubName, hostJson, storagePolicy).ConfigureAwait(false);
        var service = StopOnceOrchestrationService.Wrap(backendService);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton((IOrchestrationServiceClient)backendService);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync().ConfigureAwait(false);
        return new DurableSidecar(app, service, GrpcChannel.ForAddress(app.Urls.First()));
    }

    private static async Task<IOrchestrationService> CreateServiceAsync(DurableBackend backend, string connectionString, string hubName, HostJson hostJson,
        Func<string, HttpPipelinePolicy>? storagePolicy)
    {
        if (backend == DurableBackend.InMemory)
        {
            return new InMemoryOrchestrationService();
        }

        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = hubName,
            StorageAccountClientProvider = storagePolicy is null ? new StorageAccountClientProvider(connectionString) : ClientsWith(connectionString, storagePolicy),
            MaxQueuePollingInterval = hostJson.MaxQueuePollingInterval,
            PartitionCount = hostJson.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = hostJson.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = hostJson.MaxConcurrentOrchestrations,
        });
        await service.CreateIfNotExistsAsync().ConfigureAwait(false);
        return service;
    }

    /// <summary>The clients <see cref="StorageAccountClientProvider(string)"/> builds (default options, no queue message
    /// encoding), each with the policy added to every try.</summary>
    private static StorageAccountClientProvider ClientsWith(string connectionString, Func<string, HttpPipelinePolicy> policy)
    {
        var blob = new BlobClientOptions();
        blob.AddPolicy(policy("blob"), HttpPipelinePosition.PerRetry);
        var queue = new QueueClientOptions();
        queue.AddPolicy(policy("queue"), HttpPipelinePosition.PerRetry);
        var table = new TableClientOptions();
        table.AddPolicy(policy("table"), HttpPipelinePosition.PerRetry);
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connectionString, blob),
            StorageServiceClientProvider.ForQueue(connectionString, queue),
            StorageServiceClientProvider.ForTable(connectionString, table));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        // A graceful stop gives up the backend's partition leases, as a Functions host shutting down does, so the next
        // worker takes them over at once instead of after they expire. Stopping the host has begun it; this waits for it.
        await service.StopAsync(isForced: false).ConfigureAwait(false);
    }
}
