using System.Globalization;
using System.Text.Json;
using Scheduler.Testing;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>The settings of the repository's host.json that the harness runs with, as the Functions host would: Durable's
/// storage provider (queue polling, partitions), its concurrency, and the queue listener's polling.</summary>
public sealed record HostJson(TimeSpan MaxQueuePollingInterval, int PartitionCount, TimeSpan QueueMaxPollingInterval, int MaxConcurrentActivities, int MaxConcurrentOrchestrations)
{
    /// <summary>DurableTask.AzureStorage's partition count when host.json leaves it out.</summary>
    public const int DefaultPartitionCount = 4;

    public static HostJson Read()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Find(), "host.json")));
        var extensions = host.RootElement.GetProperty("extensions");
        var durable = extensions.GetProperty("durableTask");
        var provider = durable.GetProperty("storageProvider");
        return new HostJson(
            Duration(provider.GetProperty("maxQueuePollingInterval")),
            provider.TryGetProperty("partitionCount", out var partitions) ? partitions.GetInt32() : DefaultPartitionCount,
            Duration(extensions.GetProperty("queues").GetProperty("maxPollingInterval")),
            durable.GetProperty("maxConcurrentActivityFunctions").GetInt32(),
            durable.GetProperty("maxConcurrentOrchestratorFunctions").GetInt32());
    }

    private static TimeSpan Duration(JsonElement value) => TimeSpan.Parse(value.GetString()!, CultureInfo.InvariantCulture);
}
