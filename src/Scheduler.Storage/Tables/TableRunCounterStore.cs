using System.Collections.Concurrent;
using Azure.Data.Tables;
using Scheduler.Core.Ports;
using Scheduler.Core.Stats;

namespace Scheduler.Storage.Tables;

/// <summary>The per-minute run counters (<see cref="RunCountRows"/>). An add is a read-modify-write guarded by the row's ETag,
/// retried on 409/412, so two hosts adding to one minute at once both count. The row this host wrote last is remembered with its
/// ETag: while no other host wrote the minute since, an add is one request (no read).</summary>
public sealed class TableRunCounterStore(StorageClients clients) : IRunCounterStore
{
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(3);
    private readonly TableClient _table = clients.Table(TableNames.RunCounts);
    private readonly ConcurrentDictionary<DateTimeOffset, RunCounts> _written = new();

    public async Task AddAsync(RunCounts delta, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var minute = RunCounts.MinuteOf(delta.Minute);
        var current = _written.GetValueOrDefault(minute);
        while (true)
        {
            var sum = (current ?? new RunCounts { Minute = minute }).Plus(delta) with { Minute = minute };
            var written = current?.ETag is { } etag
                ? await TableCalls.ReplaceAsync(_table, RunCountRows.ToEntity(sum), etag, cancellationToken).ConfigureAwait(false)
                : await TableCalls.InsertAsync(_table, RunCountRows.ToEntity(sum), cancellationToken).ConfigureAwait(false);
            if (written.Done)
            {
                Remember(sum with { ETag = written.ETag });
                return;
            }

            // Another host wrote the minute (409 on insert, 412 on replace) or it is gone (404): start again from what is stored.
            var stored = await TableCalls.GetAsync(_table, RunCountRows.PartitionOf(minute), RunCountRows.RowOf(minute), cancellationToken).ConfigureAwait(false);
            current = stored is null ? null : RunCountRows.FromEntity(stored);
        }
    }

    public async Task<IReadOnlyList<RunCounts>> ReadAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken)
    {
        var rows = new List<RunCounts>();
        if (toUtc <= fromUtc)
        {
            return rows;
        }

        var first = RunCounts.MinuteOf(fromUtc);
        var last = RunCounts.MinuteOf(toUtc.AddTicks(-1));
        // One range query per UTC day the window touches: two at most for the last hour or the last day.
        for (var day = first.UtcDateTime.Date; day <= last.UtcDateTime.Date; day = day.AddDays(1))
        {
            var partition = RunCountRows.PartitionOf(new DateTimeOffset(day, TimeSpan.Zero));
            var low = day == first.UtcDateTime.Date ? RunCountRows.RowOf(first) : "0000";
            var high = day == last.UtcDateTime.Date ? RunCountRows.RowOf(last) : "2359";
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey le {high}");
            await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(RunCountRows.FromEntity(entity));
            }
        }

        return rows;
    }

    /// <summary>Reads the oldest rows' keys (days before the cut-off's, then its own minutes before the one it falls in) and
    /// deletes them a day's partition at a time, up to 100 rows a request.</summary>
    public async Task<int> DeleteBeforeAsync(DateTimeOffset beforeUtc, int limit, CancellationToken cancellationToken)
    {
        var last = RunCounts.MinuteOf(beforeUtc) - TimeSpan.FromMinutes(1);
        var day = RunCountRows.PartitionOf(last);
        var filter = TableClient.CreateQueryFilter($"PartitionKey lt {day}") + " or " +
            TableClient.CreateQueryFilter($"(PartitionKey eq {day} and RowKey le {RunCountRows.RowOf(last)})");
        return await BatchDeletes.DeleteMatchingAsync(_table, filter, limit, cancellationToken).ConfigureAwait(false);
    }

    private void Remember(RunCounts row)
    {
        _written[row.Minute] = row;
        foreach (var old in _written.Keys.Where(m => m < row.Minute - Remembered))
        {
            _written.TryRemove(old, out _);
        }
    }
}
