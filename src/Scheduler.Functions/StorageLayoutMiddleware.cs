using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Scheduler.Storage;

namespace Scheduler.Functions;

/// <summary>Every invocation first makes sure storage holds this version's layout (<see cref="StorageLayout"/>, checked once per
/// process): over an earlier version's tables every function fails with what to do, and nothing is written.</summary>
internal sealed class StorageLayoutMiddleware(StorageLayout layout) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await layout.EnsureCurrentAsync(context.CancellationToken).ConfigureAwait(false);
        await next(context).ConfigureAwait(false);
    }
}
