using Scheduler.Core.Ports;
using Scheduler.PortContracts;
using Scheduler.Storage.Tables;
using Scheduler.Testing;

namespace Scheduler.Storage.Tests.Contracts;

/// <summary>The port's contract on Azurite, each test over tables of its own: the in-memory fake runs the same tests.</summary>
[Collection("azurite")]
public sealed class TableIdempotencyStoreContractTests(AzuriteFixture azurite) : IdempotencyStoreContract
{
    protected override async Task<IIdempotencyStore> NewAsync(CancellationToken cancellationToken) => new TableIdempotencyStore(await azurite.NewStorageAsync(cancellationToken));
}
