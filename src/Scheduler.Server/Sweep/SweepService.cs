using Scheduler.Api.Health;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Resilience;
using Scheduler.Storage;

namespace Scheduler.Server.Sweep;

/// <summary>Runs the sweep every <see cref="SweepOptions.Tick"/>, and at once when kicked, once storage is ready. Failures
/// are logged (one line each) and retried with <see cref="Backoff.Default"/>; the loop only ends with the host.</summary>
public sealed class SweepService(Sweeper sweeper, SweepSignal signal, SweepOptions options, StorageStatus storage, TimeProvider time, ILogger<SweepService> logger)
    : BackgroundService
{
    private readonly DispatchWindow window = new(options);

    /// <summary>How long before its due time a run takes its slot on the Server: room for the dispatch's storage calls.</summary>
    public static readonly TimeSpan DefaultDispatchAhead = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        try
        {
            await storage.WaitReadyAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAndWaitAsync(failures, stoppingToken).ConfigureAwait(false);
                failures = 0;
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
                if (!await BackOffAsync(failures, ex, stoppingToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
    }

    /// <summary>One sweep, then the wait until the next one is due (none when a full read dispatched and more rows may wait).</summary>
    private async Task SweepAndWaitAsync(int failuresBefore, CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        var report = await sweeper.SweepAsync(window.Current, stoppingToken).ConfigureAwait(false);
        if (report.Count(RowOutcome.Dispatched) > 0)
        {
            window.Observe(time.GetElapsedTime(started));
        }

        signal.SetBacklog(report.Count(RowOutcome.Throttled) > 0);
        if (failuresBefore > 0)
        {
            Log.Recovered(logger, "Sweep", failuresBefore);
            storage.Recovered();
        }

        // A full read that dispatched means more due rows may wait behind it: sweep again without waiting for the
        // tick. A full read that dispatched nothing (all throttled or not yet due) waits, or the loop would spin.
        var wait = report.Truncated && report.Count(RowOutcome.Dispatched) > 0 ? TimeSpan.Zero : UntilNextDue(report);
        await signal.WaitAsync(wait, stoppingToken).ConfigureAwait(false);
    }

    /// <summary>Records the failure and waits out its backoff; false when the host stops meanwhile.</summary>
    private async Task<bool> BackOffAsync(int failures, Exception error, CancellationToken stoppingToken)
    {
        var reason = StorageFaults.Describe(error);
        storage.Failed(reason);
        var backoff = Backoff.Default.After(failures);
        Log.SweepFailed(logger, failures, reason, backoff, FailureLog.Once(logger, failures, error));
        try
        {
            // Kicks are ignored while backing off, so that a busy API cannot hammer a failing store.
            await Task.Delay(backoff, time, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The tick, or less when a row read is due sooner: the sweep wakes as it enters the dispatch window.</summary>
    private TimeSpan UntilNextDue(SweepReport report)
    {
        if (report.NextDueUtc is not { } next)
        {
            return options.Tick;
        }

        var wait = next - window.Current - time.GetUtcNow();
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait < options.Tick ? wait : options.Tick;
    }

}
