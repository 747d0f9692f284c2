using Microsoft.Extensions.Logging;
using Scheduler.Core.Ports;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Workflow;

/// <summary>Reads a running attempt's cancel flag every <see cref="RunOptions.CancelPollInterval"/> and cancels
/// <see cref="Token"/> once it is set. The flag lives on the run row, so a cancel received by any instance of either
/// host reaches the one running the attempt; the price is one single-column point read per interval per running attempt.</summary>
public sealed class CancelWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource requested = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private CancelWatch(IRunStore runs, string jobId, string runId, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        loop = PollAsync(runs, jobId, runId, interval, time, logger);
    }

    /// <summary>Canceled when the run's cancel was requested while the attempt ran.</summary>
    public CancellationToken Token => requested.Token;

    public bool Requested => requested.IsCancellationRequested;

    public static CancelWatch Start(IRunStore runs, string jobId, string runId, TimeSpan interval, TimeProvider time, ILogger logger) =>
        new(runs, jobId, runId, interval, time, logger);

    private async Task PollAsync(IRunStore runs, string jobId, string runId, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        try
        {
            while (true)
            {
                // Most attempts end before the first interval: ending the wait must not cost an exception each time.
                await Task.Delay(interval, time, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                try
                {
                    if (await runs.IsCancelRequestedAsync(jobId, runId, stop.Token).ConfigureAwait(false))
                    {
                        await requested.CancelAsync().ConfigureAwait(false);
                        return;
                    }
                }
#pragma warning disable CA1031 // A failed read must not fail the attempt: the next interval reads again.
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    Log.CancelCheckFailed(logger, runId, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The attempt ended first.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        stop.Dispose();
        requested.Dispose();
    }
}
