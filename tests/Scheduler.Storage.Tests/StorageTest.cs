using Scheduler.Testing;

namespace Scheduler.Storage.Tests;

/// <summary>Base of the Azurite tests: each test gets its own tables and queues, created on first use, and a deadline.</summary>
[Collection("azurite")]
public abstract class StorageTest(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    private readonly CancellationTokenSource _deadline = new(TimeSpan.FromSeconds(60));

    protected AzuriteFixture Azurite { get; } = azurite;
    protected StorageClients Clients { get; private set; } = null!;
    protected CancellationToken Ct => _deadline.Token;

    public async Task InitializeAsync() => Clients = await Azurite.NewStorageAsync(Ct);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _deadline.Dispose();
        GC.SuppressFinalize(this);
    }
}
