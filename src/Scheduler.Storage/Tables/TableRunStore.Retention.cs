using Azure.Data.Tables;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Storage.Tables;

/// <summary>What retention reads and deletes. Ended runs past the cut-off are found by a scan of the table filtered on the
/// server (status and finish time, keys and those two columns returned); a run is deleted with its attempts by one range read
/// of the job's partition (keys only) and transactions of up to 100 rows.</summary>
public sealed partial class TableRunStore
{
    private static readonly string[] RetentionColumns = ["PartitionKey", "RowKey", "Status", "FinishedUtc", "FollowUpsPending"];
    private static readonly string Ended =
        "(" + string.Join(" or ", Enum.GetValues<RunStatus>().Where(s => s.IsTerminal()).Select(s => $"Status eq '{s}'")) + ")";

    public async Task<Page<RunKey>> ListEndedBeforeAsync(DateTimeOffset finishedBeforeUtc, int limit, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        limit = Math.Min(limit, MaxPageSize);
        var filter = RunRows.IsRun + " and " + Ended + " and " + TableClient.CreateQueryFilter($"FinishedUtc lt {finishedBeforeUtc.ToUniversalTime()}");
        var pages = _table.QueryAsync<TableEntity>(filter, limit, RetentionColumns, cancellationToken).AsPages(continuation, limit);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            return new Page<RunKey>([.. page.Values.Select(KeyOf)], page.ContinuationToken);
        }

        return new Page<RunKey>([], null);
    }

    public async Task<IReadOnlyList<RunKey>> ListKeysByJobAsync(string jobId, CancellationToken cancellationToken)
    {
        var keys = new List<RunKey>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(RunsOf(jobId), MaxPageSize, RetentionColumns, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(KeyOf(entity));
        }

        keys.Sort((a, b) => string.CompareOrdinal(b.RunId, a.RunId));
        return keys;
    }

    public async Task<int> DeleteAsync(string jobId, IReadOnlyCollection<string> runIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        if (runIds.Count == 0)
        {
            return 0;
        }

        var wanted = runIds.ToHashSet(StringComparer.Ordinal);
        var first = wanted.Min(StringComparer.Ordinal)!;
        var last = wanted.Max(StringComparer.Ordinal)!;
        // Attempt keys are "{runId}|a{n}", follow-ups "{runId}|f{n}": the range from the first run to past the last one's follow-ups holds them all.
        var range = TableClient.CreateQueryFilter($"PartitionKey eq {jobId} and RowKey ge {first} and RowKey lt {last + "|g"}");
        var rows = new List<(string, string)>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(range, MaxPageSize, KeyOnly, cancellationToken).ConfigureAwait(false))
        {
            if (wanted.Contains(RunIdOf(entity.RowKey)))
            {
                rows.Add((jobId, entity.RowKey));
            }
        }

        var deleted = await BatchDeletes.DeleteAsync(_table, rows, cancellationToken).ConfigureAwait(false);
        return deleted.Count(k => !k.RowKey.Contains('|', StringComparison.Ordinal));
    }

    private static string RunIdOf(string rowKey) => rowKey.Split('|')[0];

    private static RunKey KeyOf(TableEntity entity) => new(
        entity.PartitionKey,
        entity.RowKey,
        Enum.Parse<RunStatus>(Columns.Required(entity, "Status")),
        entity.GetDateTimeOffset("FinishedUtc"),
        entity.GetBoolean("FollowUpsPending") == true);
}
