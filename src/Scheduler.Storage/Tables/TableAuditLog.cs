using Azure.Data.Tables;
using Scheduler.Core.Audit;
using Scheduler.Core.Ports;

namespace Scheduler.Storage.Tables;

/// <summary>The audit trail in its own table (<see cref="AuditRows"/>): a change costs one insert. A listing is one range query
/// over the days it spans, filtered on the server (kind, id, job, caller), resumed after the last entry's keys; retention deletes
/// by the same range, a transaction per day's 100 rows.</summary>
public sealed class TableAuditLog(StorageClients clients) : IAuditLog
{
    public const int MaxPageSize = 1000;

    private readonly TableClient _table = clients.Table(TableNames.Audit);

    public async Task<AuditEntry> RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var rowKey = AuditRows.NewRowKey(entry.AtUtc);
        await _table.AddEntityAsync(AuditRows.ToEntity(entry, rowKey), cancellationToken).ConfigureAwait(false);
        return entry with { Id = rowKey };
    }

    /// <summary>Reads one entry past the page to know whether more follow; the continuation is the last entry's keys, so a
    /// page resumes exactly after it.</summary>
    public async Task<Page<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        var limit = Math.Min(query.Limit, MaxPageSize);
        var entries = new List<TableEntity>(limit);
        var more = false;
        await foreach (var entity in _table.QueryAsync<TableEntity>(Filter(query), Math.Min(limit + 1, MaxPageSize), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entries.Count == limit)
            {
                more = true;
                break;
            }

            entries.Add(entity);
        }

        var next = more ? Continuations.Encode(entries[^1].PartitionKey + entries[^1].RowKey) : null;
        return new Page<AuditEntry>([.. entries.Select(AuditRows.FromEntity)], next);
    }

    public Task<int> DeleteBeforeAsync(DateTimeOffset beforeUtc, int limit, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {AuditRows.DayKey(beforeUtc)} and AtUtc lt {beforeUtc.ToUniversalTime()}");
        return BatchDeletes.DeleteMatchingAsync(_table, filter, limit, cancellationToken);
    }

    private static string Filter(AuditQuery query)
    {
        var clauses = new List<string>
        {
            TableClient.CreateQueryFilter($"PartitionKey ge {AuditRows.DayKey(query.UntilUtc)} and PartitionKey le {AuditRows.DayKey(query.SinceUtc)}"),
            TableClient.CreateQueryFilter($"AtUtc ge {query.SinceUtc.ToUniversalTime()} and AtUtc lt {query.UntilUtc.ToUniversalTime()}"),
        };
        if (Continuations.Decode(query.Continuation) is { } after)
        {
            // A day key has 7 digits; the rest is the row's key.
            var (day, row) = after.Length > AuditRows.DayKeyLength ? (after[..AuditRows.DayKeyLength], after[AuditRows.DayKeyLength..]) : (after, "");
            clauses.Add(TableClient.CreateQueryFilter($"((PartitionKey eq {day} and RowKey gt {row}) or PartitionKey gt {day})"));
        }

        Add(clauses, "EntityKind", query.EntityKind);
        Add(clauses, "EntityId", query.EntityId);
        Add(clauses, "JobId", query.JobId);
        Add(clauses, "Caller", query.Caller);
        return string.Join(" and ", clauses);
    }

    private static void Add(List<string> clauses, string column, string? value)
    {
        if (value is not null)
        {
            clauses.Add(column + " eq " + TableClient.CreateQueryFilter($"{value}"));
        }
    }
}
