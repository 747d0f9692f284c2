using System.Globalization;
using Azure.Data.Tables;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Storage.Tables;

/// <summary>Runs across jobs. Run rows live in their job's partition, so there is no cross-job order to read in: the window is
/// scanned for keys and creation times only (a filter on a non-key column, whose cost grows with the rows of the jobs table), sorted
/// newest first, and only the page's runs are read in full. The window is bounded by the caller (the API allows 7 days).</summary>
public sealed partial class TableRunStore
{
    private static readonly string[] SortColumns = ["PartitionKey", "RowKey", "CreatedUtc"];

    public async Task<Page<Run>> ListAsync(RunQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var after = Continuations.Decode(query.Continuation);
        // A continuation resumes at its run's creation instant, inclusive (the order key then skips what was returned): runs
        // created in the same instant (one sweep dispatches many) follow it in the order, and a store that compares instants to
        // the millisecond (Azurite) would drop them under a strict bound one tick later.
        var until = after is null
            ? TableClient.CreateQueryFilter($"CreatedUtc lt {query.UntilUtc.ToUniversalTime()}")
            : TableClient.CreateQueryFilter($"CreatedUtc le {CreatedOf(after).ToUniversalTime()}");
        var filter = RunRows.IsRun + " and " + TableClient.CreateQueryFilter($"CreatedUtc ge {query.SinceUtc.ToUniversalTime()}") + " and " + until;
        if (query.Status is { } status)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {status.ToString()}");
        }

        var keys = new List<(string Order, string JobId, string RunId)>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, 1000, SortColumns, cancellationToken).ConfigureAwait(false))
        {
            var created = entity.GetDateTimeOffset("CreatedUtc") ?? query.SinceUtc;
            keys.Add((OrderKey(created, entity.PartitionKey, entity.RowKey), entity.PartitionKey, entity.RowKey));
        }

        var page = keys.Where(k => after is null || string.CompareOrdinal(k.Order, after) > 0)
            .OrderBy(k => k.Order, StringComparer.Ordinal).Take(query.Limit + 1).ToList();
        var runs = await Task.WhenAll(page.Take(query.Limit).Select(k => GetAsync(k.JobId, k.RunId, cancellationToken))).ConfigureAwait(false);
        var next = page.Count > query.Limit ? Continuations.Encode(page[query.Limit - 1].Order) : null;
        return new Page<Run>([.. runs.OfType<Run>()], next);
    }

    /// <summary>Ascending order of this key is newest first: inverted creation ticks, then job and run ids.</summary>
    private static string OrderKey(DateTimeOffset created, string jobId, string runId) =>
        $"{(DateTimeOffset.MaxValue.UtcTicks - created.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)}|{jobId}|{runId}";

    private static DateTimeOffset CreatedOf(string orderKey) =>
        long.TryParse(orderKey.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var inverted)
            ? new DateTimeOffset(DateTimeOffset.MaxValue.UtcTicks - inverted, TimeSpan.Zero)
            : throw new ArgumentException("The continuation token is not valid.", nameof(orderKey));
}
