using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Scheduler.Storage.Tables;

namespace Scheduler.Storage.Tests;

public sealed class StorageClientsTests
{
    [Fact]
    public async Task Table_FrozenEndpoint_FailsWithinTheTimeoutsInsteadOfHanging()
    {
        using var frozen = new TcpListener(IPAddress.Loopback, 0);
        frozen.Start(backlog: 16);
        var port = ((IPEndPoint)frozen.LocalEndpoint).Port;
        var options = new StorageOptions
        {
            ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Testing.AzuriteFixture.AccountKey +
                $";TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
            MaxRetries = 1,
            RetryDelay = TimeSpan.FromMilliseconds(50),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
            NetworkTimeout = TimeSpan.FromMilliseconds(300),
        };
        var store = new TableJobStore(new StorageClients(options));
        var clock = Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(() => store.GetAsync("job", CancellationToken.None));

        Assert.NotNull(error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new StorageClients(new StorageOptions()));
    }

    [Fact]
    public void Table_WithPrefix_PrefixesTheName()
    {
        var clients = new StorageClients(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", TablePrefix = "ci42" });

        Assert.Equal("ci42jobs", clients.Table(TableNames.Jobs).Name);
        Assert.Equal(("runs", "runs-poison"), (clients.RunsQueue.Name, clients.PoisonQueue.Name));
    }
}
