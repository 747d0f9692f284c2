using Scheduler.Core.Ports;
using Scheduler.PortContracts;

namespace Scheduler.Core.Tests.Fakes.Contracts;

/// <summary>The fake honours the port's contract, or every engine test over it proves nothing.</summary>
public sealed class InMemoryConfigStoreContractTests : ConfigStoreContract
{
    protected override Task<IConfigStore> NewAsync(CancellationToken cancellationToken) => Task.FromResult<IConfigStore>(new InMemoryConfigStore());
}
