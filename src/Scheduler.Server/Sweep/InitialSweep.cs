using Scheduler.Core.Dispatch;
using Scheduler.Core.Health;

namespace Scheduler.Server.Sweep;

/// <summary>Sweeps once before the Server starts listening (hosted services start before the server), so that the first
/// answer of <c>/api/health</c> rests on a heartbeat of this process rather than on an old one or none: a fresh start is
/// Healthy. It waits for storage to be ready (its tables created by <c>StorageStartup</c>) for at most
/// <see cref="ReadyWait"/>: storage that is not there yet is the sweep loop's to wait for, and the Server listens meanwhile.
/// A failure is logged and left to <see cref="SweepService"/>, which retries with backoff.</summary>
public sealed class InitialSweep(Sweeper sweeper, StorageStatus storage, TimeProvider time, ILogger<InitialSweep> logger) : IHostedService
{
    public static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(3);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var wait = new CancellationTokenSource(ReadyWait, time);
        using var ready = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, wait.Token);
        try
        {
            await storage.WaitReadyAsync(ready.Token).ConfigureAwait(false);
            await sweeper.SweepAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            // Storage is not ready yet: the sweep loop sweeps once it is.
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
