using Azure;
using Azure.Data.Tables;

namespace Scheduler.Storage.Tables;

/// <summary>Deletes rows by key, in entity group transactions of up to 100 rows of one partition (one request each; a row alone
/// is a plain delete). A row already gone is skipped: the service names it, it is dropped and the rest go again, so two hosts
/// deleting the same rows at once both finish.</summary>
internal static class BatchDeletes
{
    private const int MaxActions = 100;
    private static readonly string[] KeyColumns = ["PartitionKey", "RowKey"];

    /// <summary>Reads the keys of up to <paramref name="limit"/> rows matching <paramref name="filter"/> (in key order) and
    /// deletes them; answers how many it deleted.</summary>
    public static async Task<int> DeleteMatchingAsync(TableClient table, string filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var keys = new List<(string, string)>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, Math.Min(limit, 1000), KeyColumns, cancellationToken).ConfigureAwait(false))
        {
            keys.Add((entity.PartitionKey, entity.RowKey));
            if (keys.Count == limit)
            {
                break;
            }
        }

        return (await DeleteAsync(table, keys, cancellationToken).ConfigureAwait(false)).Count;
    }

    /// <summary>Answers the keys it deleted (those found).</summary>
    public static async Task<IReadOnlyList<(string PartitionKey, string RowKey)>> DeleteAsync(
        TableClient table, IEnumerable<(string PartitionKey, string RowKey)> keys, CancellationToken cancellationToken)
    {
        var deleted = new List<(string, string)>();
        foreach (var partition in keys.Distinct().GroupBy(k => k.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(MaxActions))
            {
                deleted.AddRange(await DeleteGroupAsync(table, [.. chunk], cancellationToken).ConfigureAwait(false));
            }
        }

        return deleted;
    }

    private static async Task<List<(string PartitionKey, string RowKey)>> DeleteGroupAsync(
        TableClient table, List<(string PartitionKey, string RowKey)> group, CancellationToken cancellationToken)
    {
        while (group.Count > 1)
        {
            try
            {
                await table.SubmitTransactionAsync(
                    group.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.PartitionKey, k.RowKey), ETag.All)),
                    cancellationToken).ConfigureAwait(false);
                return group;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404 && e.FailedTransactionActionIndex is { } gone)
            {
                group.RemoveAt(gone);
            }
        }

        if (group.Count == 1 && (await TableCalls.DeleteAsync(table, group[0].PartitionKey, group[0].RowKey, null, cancellationToken).ConfigureAwait(false)).Done)
        {
            return group;
        }

        return [];
    }
}
