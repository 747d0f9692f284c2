using Scheduler.Core.Ports;
using Scheduler.PortContracts;

namespace Scheduler.Core.Tests.Fakes.Contracts;

/// <summary>The fake honours the port's contract, or every engine test over it proves nothing.</summary>
public sealed class InMemoryJobStoreContractTests : JobStoreContract
{
    protected override Task<IJobStore> NewAsync(CancellationToken cancellationToken) => Task.FromResult<IJobStore>(new InMemoryJobStore());
}
