using Scheduler.Testing;

namespace Scheduler.Storage.Tests;

public sealed class StorageInitializerTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task EnsureCreatedAsync_Twice_IsHarmlessAndCreatesEverything()
    {
        await new StorageInitializer(Clients).EnsureCreatedAsync(Ct);

        foreach (var name in TableNames.All)
        {
            var table = Clients.Table(name);
            await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, cancellationToken: Ct))
            {
                Assert.Fail($"{table.Name} should be empty");
            }
        }

        Assert.True(await Clients.RunsQueue.ExistsAsync(Ct));
        Assert.True(await Clients.PoisonQueue.ExistsAsync(Ct));
    }
}
