using Scheduler.Core.Ports;
using Scheduler.PortContracts;

namespace Scheduler.Core.Tests.Fakes.Contracts;

// The storage ports' contracts (tests/Scheduler.PortContracts) on the in-memory fakes: the fakes honour them, or every engine
// test over them proves nothing. The Table Storage adapters run the same tests on Azurite. One line per port, one file.

public sealed class InMemoryJobStoreContractTests : JobStoreContract
{
    protected override Task<IJobStore> NewAsync(CancellationToken cancellationToken) => Task.FromResult<IJobStore>(new InMemoryJobStore());
}

public sealed class InMemoryRunStoreContractTests : RunStoreContract
{
    protected override Task<IRunStore> NewAsync(CancellationToken cancellationToken) => Task.FromResult<IRunStore>(new InMemoryRunStore());
}

public sealed class InMemorySlotStoreContractTests : SlotStoreContract
{
    protected override Task<ISlotStore> NewAsync(CancellationToken cancellationToken) => Task.FromResult<ISlotStore>(new InMemorySlotStore());
}

public sealed class InMemoryDueIndexContractTests : DueIndexContract
{
    protected override Task<IDueIndex> NewAsync(CancellationToken cancellationToken) => Task.FromResult<IDueIndex>(new InMemoryDueIndex());
}

public sealed class InMemoryIdempotencyStoreContractTests : IdempotencyStoreContract
{
    protected override Task<IIdempotencyStore> NewAsync(CancellationToken cancellationToken) => Task.FromResult<IIdempotencyStore>(new InMemoryIdempotencyStore());
}

public sealed class InMemoryConfigStoreContractTests : ConfigStoreContract
{
    protected override Task<IConfigStore> NewAsync(CancellationToken cancellationToken) => Task.FromResult<IConfigStore>(new InMemoryConfigStore());
}

public sealed class InMemoryRunCounterStoreContractTests : RunCounterStoreContract
{
    protected override Task<IRunCounterStore> NewAsync(CancellationToken cancellationToken) => Task.FromResult<IRunCounterStore>(new InMemoryRunCounterStore());
}

public sealed class InMemoryJobPartitionContractTests : JobPartitionContract
{
    protected override Task<JobPartition> NewAsync(CancellationToken cancellationToken)
    {
        var jobs = new InMemoryJobStore();
        return Task.FromResult(new JobPartition(jobs, new InMemoryRunStore(jobs)));
    }
}

public sealed class InMemoryAlertStoreContractTests : AlertStoreContract
{
    protected override Task<IAlertStore> NewAsync(CancellationToken cancellationToken) => Task.FromResult<IAlertStore>(new InMemoryAlertStore());
}

public sealed class InMemoryAuditLogContractTests : AuditLogContract
{
    protected override Task<IAuditLog> NewAsync(CancellationToken cancellationToken) => Task.FromResult<IAuditLog>(new InMemoryAuditLog());
}

public sealed class InMemoryTriggerTokenStoreContractTests : TriggerTokenStoreContract
{
    protected override Task<ITriggerTokenStore> NewAsync(CancellationToken cancellationToken) => Task.FromResult<ITriggerTokenStore>(new InMemoryTriggerTokenStore());
}
