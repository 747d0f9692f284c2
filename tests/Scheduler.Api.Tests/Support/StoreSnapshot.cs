using Azure.Data.Tables;
using Azure.Storage.Queues;
using Scheduler.Storage;

namespace Scheduler.Api.Tests.Support;

/// <summary>Every row (keys and ETag) of the tables a request could write, and the runs queue's depth: equal snapshots mean nothing was written.</summary>
public static class StoreSnapshot
{
    public static async Task<IReadOnlyList<string>> TakeAsync(StorageOptions storage)
    {
        var service = new TableServiceClient(storage.ConnectionString);
        var rows = new List<string>();
        foreach (var table in TableNames.All)
        {
            await foreach (var entity in service.GetTableClient(storage.TablePrefix + table).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                // The sweep rewrites its own state every tick; everything else must stay as it was.
                if (table == TableNames.Config && entity.RowKey == "sweep")
                {
                    continue;
                }

                rows.Add($"{table}/{entity.PartitionKey}/{entity.RowKey}/{entity.ETag}");
            }
        }

        var queue = new QueueClient(storage.ConnectionString, storage.RunsQueue);
        var properties = await queue.GetPropertiesAsync();
        rows.Add($"queue/{storage.RunsQueue}/{properties.Value.ApproximateMessagesCount}");
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
