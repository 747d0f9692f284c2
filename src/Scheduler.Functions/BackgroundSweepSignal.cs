using Microsoft.Extensions.Logging;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;

namespace Scheduler.Functions;

/// <summary>The Functions host has no sweep loop to wake: a kick runs one sweep in the background (one at a time),
/// so a job due within the lookahead is dispatched on time whatever the timer's schedule.</summary>
internal sealed class BackgroundSweepSignal(Sweeper sweeper, ILogger<BackgroundSweepSignal> logger) : ISweepSignal
{
    private int running;

    public void Kick()
    {
        if (Interlocked.CompareExchange(ref running, 1, 0) != 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await sweeper.SweepAsync(CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The timer sweep repairs whatever a failed kick left; the failure is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.KickFailed(logger, ex);
            }
            finally
            {
                Volatile.Write(ref running, 0);
            }
        });
    }
}
