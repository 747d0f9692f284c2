using Azure.Data.Tables;
using Scheduler.Engine.Tests.Support;
using Scheduler.Storage;
using Scheduler.Testing;

namespace Scheduler.Engine.Tests.Faults;

/// <summary>A Server started over the tables of an earlier version's layout (runs in a table of their own) says what to do,
/// exits with code 1, and writes nothing: its jobs are not touched, no table or queue is created.</summary>
[Collection("engine")]
public sealed class EarlierLayoutTests(EngineFixture fixture)
{
    [Fact]
    public async Task ServerOverEarlierRunsTable_ExitsWithWhatToDo_AndWritesNothing()
    {
        var options = fixture.Azurite.NewOptions();
        var service = new TableServiceClient(options.ConnectionString);
        var runs = service.GetTableClient(options.TablePrefix + StorageLayout.EarlierRunsTable);
        var jobs = service.GetTableClient(options.TablePrefix + TableNames.Jobs);
        await runs.CreateIfNotExistsAsync();
        await jobs.CreateIfNotExistsAsync();
        await runs.AddEntityAsync(new TableEntity("nightly", "nightly:0639000000000000000") { ["Status"] = "Succeeded" });
        var job = (await jobs.AddEntityAsync(new TableEntity("nightly", "job") { ["Status"] = "Active" })).Headers.ETag;

        var info = ServerProcess.StartInfo(options);
        var result = await ProcessRun.RunAsync(info, TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 1, $"exit code {result.ExitCode}: {result.Stdout}{result.Stderr}");
        Assert.Contains($"Table '{runs.Name}' holds runs in the layout of an earlier Scheduler version", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Equal(job, (await jobs.GetEntityAsync<TableEntity>("nightly", "job")).Value.ETag);
        var tables = new List<string>();
        await foreach (var table in service.QueryAsync(filter: TableServiceClient.CreateQueryFilter($"TableName ge {options.TablePrefix}")))
        {
            if (table.Name.StartsWith(options.TablePrefix, StringComparison.Ordinal))
            {
                tables.Add(table.Name);
            }
        }

        Assert.Equal(new[] { jobs.Name, runs.Name }.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
        Assert.False(await new StorageClients(options).RunsQueue.ExistsAsync());
    }
}
