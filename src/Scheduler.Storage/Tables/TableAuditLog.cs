using Azure.Data.Tables;
using Scheduler.Core.Audit;
using Scheduler.Core.Ports;

namespace Scheduler.Storage.Tables;

/// <summary>The audit trail in its own table (<see cref="AuditRows"/>): a change costs one insert. A listing is one range query
/// over the days it spans, filtered on the server (kind, id, job, caller), paged by the service's continuation; retention deletes
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

    public async Task<Page<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        var limit = Math.Min(query.Limit, MaxPageSize);
        var continuation = query.Continuation;
        do
        {
            var pages = _table.QueryAsync<TableEntity>(Filter(query), limit, cancellationToken: cancellationToken).AsPages(continuation, limit);
            await foreach (var page in pages.ConfigureAwait(false))
            {
                continuation = page.ContinuationToken;
                if (page.Values.Count > 0 || continuation is null)
                {
                    return new Page<AuditEntry>([.. page.Values.Select(AuditRows.FromEntity)], continuation);
                }

                break;
            }
        }
        while (continuation is not null);

        return new Page<AuditEntry>([], null);
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
