using Azure.Data.Tables;
using Scheduler.Testing;

namespace Scheduler.Storage.Tests;

/// <summary>A host started over an earlier version's layout (runs in a table of their own) says so with what to do, and touches nothing.</summary>
[Collection("azurite")]
public sealed class StorageLayoutTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EnsureCreated_OverRunsOfTheEarlierLayout_RefusesWithWhatToDo_AndCreatesNothing()
    {
        var clients = new StorageClients(azurite.NewOptions());
        var earlier = clients.Table(StorageLayout.EarlierRunsTable);
        await earlier.CreateIfNotExistsAsync();
        await earlier.AddEntityAsync(new TableEntity("nightly", "nightly:0639000000000000000") { ["Status"] = "Succeeded" });

        var refused = await Assert.ThrowsAsync<EarlierLayoutException>(() => new StorageInitializer(clients).EnsureCreatedAsync(CancellationToken.None));

        Assert.Contains($"Table '{earlier.Name}' holds runs in the layout of an earlier Scheduler version", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Scheduler:Storage:TablePrefix", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", refused.Message, StringComparison.Ordinal);
        var service = new TableServiceClient(azurite.ConnectionString);
        var tables = new List<string>();
        await foreach (var table in service.QueryAsync(filter: TableServiceClient.CreateQueryFilter($"TableName ge {clients.Options.TablePrefix}")))
        {
            tables.Add(table.Name);
        }

        Assert.Equal([earlier.Name], tables.Where(t => t.StartsWith(clients.Options.TablePrefix, StringComparison.Ordinal)));
        Assert.False(await clients.RunsQueue.ExistsAsync());
    }

    [Fact]
    public async Task EnsureCreated_EmptyEarlierRunsTable_IsNoData_AndStartsAsUsual()
    {
        var clients = new StorageClients(azurite.NewOptions());
        await clients.Table(StorageLayout.EarlierRunsTable).CreateIfNotExistsAsync();

        await new StorageInitializer(clients).EnsureCreatedAsync(CancellationToken.None);

        Assert.True(await clients.RunsQueue.ExistsAsync());
    }
}
