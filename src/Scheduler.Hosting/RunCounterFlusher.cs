using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scheduler.Core.Stats;
using Scheduler.Storage;

namespace Scheduler.Hosting;

/// <summary>Every <see cref="StatsOptions.FlushInterval"/>, adds this host's counts of the minutes that have ended to the stored
/// counters (one write per minute with runs); when the host stops, the current minute's too, so a clean stop loses none. Idle
/// (nothing pending), it makes no request.</summary>
public sealed class RunCounterFlusher(RunCounters counters, IOptions<StatsOptions> options, TimeProvider time, ILogger<RunCounterFlusher> logger) : BackgroundService
{
    private static readonly TimeSpan FinalFlushTimeout = TimeSpan.FromSeconds(5);
    /// <summary>How long after a minute ends its counts wait, for events stamped a little before they were counted.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await FlushAsync(RunCounts.MinuteOf(time.GetUtcNow() - Settle), stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the final flush follows in StopAsync.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(FinalFlushTimeout);
        await FlushAsync(null, timeout.Token).ConfigureAwait(false);
    }

    private async Task FlushAsync(DateTimeOffset? beforeUtc, CancellationToken cancellationToken)
    {
        if (counters.PendingMinutes == 0)
        {
            return;
        }

        try
        {
            await counters.FlushAsync(beforeUtc, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A storage failure must not stop the flushing loop: the counts stay pending for the next tick.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.CountersNotFlushed(logger, StorageFaults.Describe(ex), counters.PendingMinutes);
        }
    }
}
