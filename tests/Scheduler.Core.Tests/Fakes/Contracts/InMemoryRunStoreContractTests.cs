using Scheduler.Core.Ports;
using Scheduler.PortContracts;

namespace Scheduler.Core.Tests.Fakes.Contracts;

/// <summary>The fake honours the port's contract, or every engine test over it proves nothing.</summary>
public sealed class InMemoryRunStoreContractTests : RunStoreContract
{
    protected override Task<IRunStore> NewAsync(CancellationToken cancellationToken) => Task.FromResult<IRunStore>(new InMemoryRunStore());
}
