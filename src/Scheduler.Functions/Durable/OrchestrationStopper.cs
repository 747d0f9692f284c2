using Grpc.Core;
using Microsoft.DurableTask.Client;
using Scheduler.Core.Ports;

namespace Scheduler.Functions.Durable;

/// <summary>The Functions host's <see cref="IRunStopper"/>: terminates the run's orchestration (instance id = run id) through
/// the Durable client the calling function was given.</summary>
internal sealed class OrchestrationStopper(DurableTaskClient client) : IRunStopper
{
    public async Task StopAsync(string runId, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await client.TerminateInstanceAsync(runId, reason, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.Unknown)
        {
            // No instance yet (a queued run) or already finished: the host answers with an error, which is no failure here.
        }
    }
}
