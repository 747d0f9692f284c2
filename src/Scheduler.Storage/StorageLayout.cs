using Azure;
using Azure.Data.Tables;

namespace Scheduler.Storage;

/// <summary>Tells whether storage holds the layout of an earlier version: runs in a table of their own (<c>runs</c>), apart from
/// their jobs, where this version keeps a job's runs in the job's partition of <see cref="TableNames.Jobs"/>. Checked once per
/// process before anything is written (one query of one row); a host that finds the earlier layout stops and touches nothing.</summary>
public sealed class StorageLayout(StorageClients clients)
{
    /// <summary>Where runs lived in the earlier layout.</summary>
    public const string EarlierRunsTable = "runs";

    private static readonly string[] KeyOnly = ["RowKey"];
    private readonly Lock gate = new();
    private Task? checkedOnce;

    /// <summary>Completes when storage holds this version's layout (or nothing yet); throws <see cref="EarlierLayoutException"/>
    /// when it holds the earlier one. A failed check (storage unreachable) is made again on the next call.</summary>
    public Task EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (checkedOnce is null || (checkedOnce.IsCompleted && !checkedOnce.IsCompletedSuccessfully && checkedOnce.Exception?.InnerException is not EarlierLayoutException))
            {
                checkedOnce = CheckAsync(cancellationToken);
            }

            return checkedOnce;
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var runs = clients.Table(EarlierRunsTable);
        try
        {
            await foreach (var _ in runs.QueryAsync<TableEntity>(maxPerPage: 1, select: KeyOnly, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                throw new EarlierLayoutException(Describe(runs.Name));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No such table: nothing of the earlier layout.
        }
    }

    private string Describe(string runsTable)
    {
        var jobsTable = clients.Table(TableNames.Jobs).Name;
        return $"Table '{runsTable}' holds runs in the layout of an earlier Scheduler version, which kept runs apart from their jobs. "
            + $"This version keeps each job's runs in the job's partition of table '{jobsTable}' and does not read '{runsTable}'. Nothing was changed. "
            + $"To keep the jobs and drop their earlier run history, delete table '{runsTable}' (az storage table delete --name {runsTable}) and start again; "
            + "to keep everything as it is, point this version at new tables with another Scheduler:Storage:TablePrefix (jobs are then created again).";
    }
}
