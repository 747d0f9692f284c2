using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Scheduler.Api.Tests.Support;
using Scheduler.Storage;

namespace Scheduler.Api.Tests.Fuzz;

/// <summary>A Server on real Kestrel sockets (so a dropped connection shows) over its own tables, with command targets on
/// and dispatch paused, so the store changes only through the requests under test.</summary>
public sealed class FuzzServer : IAsyncDisposable
{
    private readonly SchedulerApp app;

    private FuzzServer(SchedulerApp app, HttpClient client)
    {
        this.app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<FuzzServer> StartAsync(ApiFixture fixture, bool pauseDispatch = true)
    {
        var app = new SchedulerApp(fixture.Azurite.NewOptions(), new Dictionary<string, string?> { ["Scheduler:Targets:Command:Enabled"] = "true" });
        app.UseKestrel(0);
        app.StartServer();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SchedulerApp.ApiKey);
        var server = new FuzzServer(app, client);
        if (pauseDispatch)
        {
            await (await client.PutJsonAsync("/api/config", new JsonObject { ["pauseAll"] = true })).ExpectAsync(HttpStatusCode.OK);
        }

        await (await client.PostJsonAsync("/api/connections", FuzzSeeds.Profile(FuzzSeeds.Connection))).ExpectAsync(HttpStatusCode.Created);
        return server;
    }

    /// <summary>The PartitionKeys (jobs) or RowKeys (connections) stored in one table.</summary>
    public async Task<SortedSet<string>> KeysAsync(string table)
    {
        var client = new TableServiceClient(app.Storage.ConnectionString).GetTableClient(app.Storage.TablePrefix + table);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var row in client.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            keys.Add(table == TableNames.Connections ? row.RowKey : row.PartitionKey);
        }

        return keys;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }
}
