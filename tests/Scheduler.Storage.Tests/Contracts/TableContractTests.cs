using Scheduler.Core.Ports;
using Scheduler.PortContracts;
using Scheduler.Storage.Tables;
using Scheduler.Testing;

namespace Scheduler.Storage.Tests.Contracts;

// The storage ports' contracts (tests/Scheduler.PortContracts) on the Table Storage adapters, each test over tables of its own
// in this run's Azurite; the in-memory fakes run the same tests. One line per port, so one file holds them all.

[Collection("azurite")]
public sealed class TableJobStoreContractTests(AzuriteFixture azurite) : JobStoreContract
{
    protected override async Task<IJobStore> NewAsync(CancellationToken cancellationToken) => new TableJobStore(await azurite.NewStorageAsync(cancellationToken));
}

[Collection("azurite")]
public sealed class TableRunStoreContractTests(AzuriteFixture azurite) : RunStoreContract
{
    protected override async Task<IRunStore> NewAsync(CancellationToken cancellationToken) => new TableRunStore(await azurite.NewStorageAsync(cancellationToken));
}

[Collection("azurite")]
public sealed class TableSlotStoreContractTests(AzuriteFixture azurite) : SlotStoreContract
{
    protected override async Task<ISlotStore> NewAsync(CancellationToken cancellationToken) => new TableSlotStore(await azurite.NewStorageAsync(cancellationToken));
}

[Collection("azurite")]
public sealed class TableDueIndexContractTests(AzuriteFixture azurite) : DueIndexContract
{
    protected override async Task<IDueIndex> NewAsync(CancellationToken cancellationToken) => new TableDueIndex(await azurite.NewStorageAsync(cancellationToken));
}

[Collection("azurite")]
public sealed class TableIdempotencyStoreContractTests(AzuriteFixture azurite) : IdempotencyStoreContract
{
    protected override async Task<IIdempotencyStore> NewAsync(CancellationToken cancellationToken) => new TableIdempotencyStore(await azurite.NewStorageAsync(cancellationToken));
}

[Collection("azurite")]
public sealed class TableConfigStoreContractTests(AzuriteFixture azurite) : ConfigStoreContract
{
    protected override async Task<IConfigStore> NewAsync(CancellationToken cancellationToken) => new TableConfigStore(await azurite.NewStorageAsync(cancellationToken));
}

[Collection("azurite")]
public sealed class TableRunCounterStoreContractTests(AzuriteFixture azurite) : RunCounterStoreContract
{
    protected override async Task<IRunCounterStore> NewAsync(CancellationToken cancellationToken) => new TableRunCounterStore(await azurite.NewStorageAsync(cancellationToken));
}

[Collection("azurite")]
public sealed class TableConnectionStoreContractTests(AzuriteFixture azurite) : ConnectionStoreContract
{
    protected override async Task<IConnectionStore> NewAsync(CancellationToken cancellationToken) => new TableConnectionStore(await azurite.NewStorageAsync(cancellationToken));
}

[Collection("azurite")]
public sealed class TableJobPartitionContractTests(AzuriteFixture azurite) : JobPartitionContract
{
    protected override async Task<JobPartition> NewAsync(CancellationToken cancellationToken)
    {
        var clients = await azurite.NewStorageAsync(cancellationToken);
        return new JobPartition(new TableJobStore(clients), new TableRunStore(clients));
    }
}

[Collection("azurite")]
public sealed class TableAlertStoreContractTests(AzuriteFixture azurite) : AlertStoreContract
{
    protected override async Task<IAlertStore> NewAsync(CancellationToken cancellationToken) => new TableAlertStore(await azurite.NewStorageAsync(cancellationToken));
}

[Collection("azurite")]
public sealed class TableAuditLogContractTests(AzuriteFixture azurite) : AuditLogContract
{
    protected override async Task<IAuditLog> NewAsync(CancellationToken cancellationToken) => new TableAuditLog(await azurite.NewStorageAsync(cancellationToken));
}

[Collection("azurite")]
public sealed class TableTriggerTokenStoreContractTests(AzuriteFixture azurite) : TriggerTokenStoreContract
{
    protected override async Task<ITriggerTokenStore> NewAsync(CancellationToken cancellationToken) => new TableTriggerTokenStore(await azurite.NewStorageAsync(cancellationToken));
}
