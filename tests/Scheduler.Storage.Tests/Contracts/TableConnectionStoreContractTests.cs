using Scheduler.Core.Ports;
using Scheduler.PortContracts;
using Scheduler.Storage.Tables;
using Scheduler.Testing;

namespace Scheduler.Storage.Tests.Contracts;

/// <summary>The port's contract on Azurite, each test over tables of its own: the in-memory fake runs the same tests.</summary>
[Collection("azurite")]
public sealed class TableConnectionStoreContractTests(AzuriteFixture azurite) : ConnectionStoreContract
{
    protected override async Task<IConnectionStore> NewAsync(CancellationToken cancellationToken) => new TableConnectionStore(await azurite.NewStorageAsync(cancellationToken));
}
