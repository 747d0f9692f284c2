using Scheduler.Core.Ports;
using Scheduler.PortContracts;

namespace Scheduler.Core.Tests.Fakes.Contracts;

/// <summary>The fake honours the port's contract, or every engine test over it proves nothing.</summary>
public sealed class InMemoryRunCounterStoreContractTests : RunCounterStoreContract
{
    protected override Task<IRunCounterStore> NewAsync(CancellationToken cancellationToken) => Task.FromResult<IRunCounterStore>(new InMemoryRunCounterStore());
}
