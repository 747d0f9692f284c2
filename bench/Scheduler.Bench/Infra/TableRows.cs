using Azure.Data.Tables;

namespace Scheduler.Bench.Infra;

/// <summary>Counts a table's rows by a key-only scan (one partition key per row comes back, every page followed).</summary>
internal static class TableRows
{
    public static async Task<int> CountAsync(TableClient table)
    {
        var n = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            n++;
        }

        return n;
    }
}
