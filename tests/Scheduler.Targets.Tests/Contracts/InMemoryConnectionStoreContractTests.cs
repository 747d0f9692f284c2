using Scheduler.Core.Ports;
using Scheduler.PortContracts;
using Scheduler.Targets.Tests.Support;

namespace Scheduler.Targets.Tests.Contracts;

/// <summary>The fake honours the port's contract (the Table Storage adapter runs the same tests on Azurite).</summary>
public sealed class InMemoryConnectionStoreContractTests : ConnectionStoreContract
{
    protected override Task<IConnectionStore> NewAsync(CancellationToken cancellationToken) => Task.FromResult<IConnectionStore>(new InMemoryConnectionStore());
}
