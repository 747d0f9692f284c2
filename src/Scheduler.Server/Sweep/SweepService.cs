using Scheduler.Core.Health;
using Scheduler.Core.Dispatch;

namespace Scheduler.Server.Sweep;

/// <summary>Runs the sweep every <see cref="SweepOptions.Tick"/>, and at once when kicked, once storage is ready, in the
/// <see cref="StorageLoop"/>: failures are logged and retried with its backoff; the loop only ends with the host.</summary>
public sealed class SweepService(Sweeper sweeper, SweepSignal signal, SweepOptions options, StorageStatus storage, TimeProvider time, ILogger<SweepService> logger)
    : BackgroundService
{
    private readonly DispatchWindow window = new(options);

    /// <summary>How long before its due time a run takes its slot on the Server: room for the dispatch's storage calls.</summary>
    public static readonly TimeSpan DefaultDispatchAhead = TimeSpan.FromMilliseconds(250);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new StorageLoop("Sweep", storage, time, logger).RunWhenReadyAsync(SweepAsync, signal.WaitAsync, stoppingToken);

    /// <summary>One sweep; answers the wait until the next one is due (none when a full read dispatched and more rows may
    /// wait), which a kick cuts short.</summary>
    private async Task<TimeSpan?> SweepAsync(CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        var report = await sweeper.SweepAsync(window.Current, stoppingToken).ConfigureAwait(false);
        if (report.Count(RowOutcome.Dispatched) > 0)
        {
            window.Observe(time.GetElapsedTime(started));
        }

        signal.SetBacklog(report.Count(RowOutcome.Throttled) > 0);
        return SweepPacing.WaitAfter(report, window.Current, options.Tick, time.GetUtcNow());
    }
}
