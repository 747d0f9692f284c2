using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Scheduler.Storage;

/// <summary>Counts storage requests by service and operation (every try, retries included); registered when someone wants
/// the numbers, such as the benchmark proving a sweep's cost or a run's storage operations.</summary>
public sealed class StorageRequestCounter
{
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> tables = new(StringComparer.Ordinal);

    public long Total => counts.Values.Sum();

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(counts, StringComparer.Ordinal);

    /// <summary>Table requests other than batches by method and table ("PUT tprefixslots"): a finer view of part of <see cref="Snapshot"/>.</summary>
    public IReadOnlyDictionary<string, long> TableSnapshot() => new Dictionary<string, long>(tables, StringComparer.Ordinal);

    public void Reset()
    {
        counts.Clear();
        tables.Clear();
    }

    /// <summary>The pipeline policy that counts the requests of one service ("table" or "queue").</summary>
    public HttpPipelinePolicy PolicyFor(string service) => new CountingPolicy(this, service);

    private void Count(string service, HttpMessage message)
    {
        var batch = message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) ? " batch" : "";
        counts.AddOrUpdate($"{service} {message.Request.Method}{batch}", 1, (_, n) => n + 1);
        if (service == "table" && batch.Length == 0)
        {
            // The last path segment names the table: /{account}/{table}(PartitionKey='..',RowKey='..') or /{table}()
            var segment = message.Request.Uri.Path.TrimEnd('/').Split('/')[^1];
            var table = segment.Split('(')[0];
            tables.AddOrUpdate($"{message.Request.Method} {table}", 1, (_, n) => n + 1);
        }
    }

    private sealed class CountingPolicy(StorageRequestCounter counter, string service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            counter.Count(service, message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            counter.Count(service, message);
            return ProcessNextAsync(message, pipeline);
        }
    }
}
