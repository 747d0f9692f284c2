using Scheduler.Core.Dispatch;

namespace Scheduler.Server.Sweep;

/// <summary>Runs the sweep every <see cref="SweepOptions.Tick"/>, and at once when kicked. Storage failures are logged
/// and retried with backoff; the loop only ends with the host.</summary>
public sealed class SweepService(Sweeper sweeper, SweepSignal signal, SweepOptions options, TimeProvider time, ILogger<SweepService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var report = await sweeper.SweepAsync(stoppingToken).ConfigureAwait(false);
                failures = 0;
                signal.SetBacklog(report.Count(RowOutcome.Throttled) > 0);
                // A full read that dispatched means more due rows may wait behind it: sweep again without waiting for the
                // tick. A full read that dispatched nothing (all throttled or not yet due) waits, or the loop would spin.
                var wait = report.RowsRead >= options.MaxRowsPerSweep && report.Count(RowOutcome.Dispatched) > 0 ? TimeSpan.Zero : options.Tick;
                await signal.WaitAsync(wait, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The sweep must survive any storage failure; the next tick repairs what this one left.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                var backoff = Backoff(failures, options.Tick);
                Log.SweepFailed(logger, failures, backoff, ex);
                try
                {
                    // Kicks are ignored while backing off, so that a busy API cannot hammer a failing store.
                    await Task.Delay(backoff, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    internal static TimeSpan Backoff(int failures, TimeSpan tick)
    {
        var seconds = tick.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 10));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxBackoff.TotalSeconds));
    }
}
