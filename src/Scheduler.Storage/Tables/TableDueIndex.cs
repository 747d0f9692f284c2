using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Storage.Tables;

/// <summary>The due index: PartitionKey = bucket (UTC minute), RowKey from <see cref="DueKeys"/>.</summary>
public sealed class TableDueIndex(StorageClients clients, ILogger<TableDueIndex>? logger = null) : IDueIndex
{
    /// <summary>Azure's limit for one transaction (which must also stay within one partition).</summary>
    public const int MaxBatch = 100;

    private readonly TableClient _table = clients.Table(TableNames.Due);
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>Upserts: re-adding the same occurrence after a crash is harmless.</summary>
    public async Task AddAsync(DueEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entity = new TableEntity(entry.Bucket, DueKeys.RowKey(entry.DueUtc, entry.Priority, entry.JobId))
        {
            ["JobId"] = entry.JobId,
            ["DueUtc"] = entry.DueUtc.ToUniversalTime(),
            ["Priority"] = entry.Priority,
            ["ScheduleVersion"] = entry.ScheduleVersion,
            ["Kind"] = entry.Trigger.ToString(),
            ["Lane"] = entry.Lane,
        };
        InputsColumn.Write(entity, entry.Inputs);
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DueEntry>> ReadAsync(string fromBucket, string toBucket, int max, CancellationToken cancellationToken)
    {
        var entries = new List<DueEntry>();
        if (max <= 0)
        {
            return entries;
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {fromBucket} and PartitionKey le {toBucket}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, Math.Min(max, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(FromEntity(entity));
            if (entries.Count >= max)
            {
                break;
            }
        }

        return entries;
    }

    public async Task RemoveAsync(IReadOnlyCollection<DueEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var bucket in entries.GroupBy(e => e.Bucket, StringComparer.Ordinal))
        {
            var rows = bucket.DistinctBy(e => DueKeys.RowKey(e.DueUtc, e.Priority, e.JobId), StringComparer.Ordinal);
            foreach (var chunk in rows.Chunk(MaxBatch))
            {
                await RemoveBatchAsync(bucket.Key, chunk, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RemoveBatchAsync(string bucket, DueEntry[] rows, CancellationToken cancellationToken)
    {
        var actions = rows.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(bucket, DueKeys.RowKey(e.DueUtc, e.Priority, e.JobId)), e.ETag is { } etag ? new ETag(etag) : ETag.All));
        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
        {
            // One missing or rewritten row fails the whole transaction: delete the rest one by one (those stay as they are).
            Log.DueBatchFallback(_logger, rows.Length, bucket);
        }

        foreach (var row in rows)
        {
            await TableCalls.DeleteAsync(_table, bucket, DueKeys.RowKey(row.DueUtc, row.Priority, row.JobId), row.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    private static DueEntry FromEntity(TableEntity entity)
    {
        var (dueUtc, priority, jobId) = DueKeys.Parse(entity.RowKey);
        // Rows written before the due row and the run shared one trigger enum say "Scheduled": not a trigger name, so Schedule.
        var kind = Enum.TryParse<RunTrigger>(entity.GetString("Kind"), out var k) ? k : RunTrigger.Schedule;
        return new DueEntry(
            entity.PartitionKey, jobId, dueUtc, priority, entity.GetInt64("ScheduleVersion") ?? 0, kind,
            entity.GetString("Lane") ?? JobDefinition.DefaultLane, entity.Timestamp, entity.ETag.ToString(), InputsColumn.ReadOrNull(entity));
    }
}
