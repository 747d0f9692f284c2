using Scheduler.Core.Ports;
using Scheduler.PortContracts;

namespace Scheduler.Core.Tests.Fakes.Contracts;

/// <summary>The fake honours the port's contract, or every engine test over it proves nothing.</summary>
public sealed class InMemoryDueIndexContractTests : DueIndexContract
{
    protected override Task<IDueIndex> NewAsync(CancellationToken cancellationToken) => Task.FromResult<IDueIndex>(new InMemoryDueIndex());
}
