using Scheduler.Core.Dispatch;

namespace Scheduler.Server.Sweep;

/// <summary>Sweeps once before the Server starts listening (hosted services start before the server), so that the first
/// answer of <c>/api/health</c> rests on a heartbeat of this process rather than on an old one or none: a fresh start is
/// Healthy. A failure is logged and left to <see cref="SweepService"/>, which retries with backoff.</summary>
public sealed class InitialSweep(Sweeper sweeper, ILogger<InitialSweep> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await sweeper.SweepAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Starting must not fail on a sweep: the loop repairs what this one could not do.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.InitialSweepFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
