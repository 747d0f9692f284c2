using Scheduler.Core.Dispatch;

namespace Scheduler.Server.Sweep;

/// <summary>Runs the sweep every <see cref="SweepOptions.Tick"/>, and at once when kicked. Storage failures are logged
/// and retried with backoff; the loop only ends with the host.</summary>
public sealed class SweepService(Sweeper sweeper, SweepSignal signal, SweepOptions options, TimeProvider time, ILogger<SweepService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>How long before its due time a run takes its slot on the Server: room for the dispatch's storage calls.</summary>
    public static readonly TimeSpan DefaultDispatchAhead = TimeSpan.FromMilliseconds(250);

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
                var wait = report.Truncated && report.Count(RowOutcome.Dispatched) > 0 ? TimeSpan.Zero : UntilNextDue(report);
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

    /// <summary>The tick, or less when a row read is due sooner: the sweep wakes as it enters the dispatch window.</summary>
    private TimeSpan UntilNextDue(SweepReport report)
    {
        if (report.NextDueUtc is not { } next)
        {
            return options.Tick;
        }

        var wait = next - options.DispatchWindow - time.GetUtcNow();
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait < options.Tick ? wait : options.Tick;
    }

    internal static TimeSpan Backoff(int failures, TimeSpan tick)
    {
        var seconds = tick.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 10));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxBackoff.TotalSeconds));
    }
}
