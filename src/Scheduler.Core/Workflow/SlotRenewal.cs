using Microsoft.Extensions.Logging;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Workflow;

/// <summary>Keeps the slot of a run this process runs leased (<see cref="RunOptions.SlotLease"/>) by renewing it every
/// <see cref="RunOptions.SlotRenewInterval"/>, ETag-conditionally, while the attempt runs. A run that ends within one interval
/// costs nothing. If another process took the slot over (it found the lease expired: this one stalled), <see cref="Lost"/> is
/// canceled and the attempt stops: the run is theirs now.</summary>
internal sealed class SlotRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource lost = new();
    private readonly Task loop;
    private Slot current;

    private SlotRenewal(RunSlots slots, Slot held, TimeSpan lease, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        current = held;
        loop = RenewAsync(slots, lease, interval, time, logger);
    }

    /// <summary>The slot as last written by this process (its ETag releases it without a read).</summary>
    public Slot Current => Volatile.Read(ref current);

    /// <summary>Canceled when another process took the slot over.</summary>
    public CancellationToken Lost => lost.Token;

    public static SlotRenewal Start(RunSlots slots, Slot held, TimeSpan lease, TimeSpan interval, TimeProvider time, ILogger logger) =>
        new(slots, held, lease, interval, time, logger);

    /// <summary>Runs <paramref name="work"/> while renewing <paramref name="held"/>; returns its result and the slot as last written,
    /// to release it. Throws <see cref="SlotLostException"/> when another process took the slot over (the work was stopped).</summary>
    public static async Task<(T Result, Slot Release)> HoldWhileAsync<T>(
        RunSlots slots, Slot held, RunOptions options, TimeProvider time, ILogger logger, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var renewal = Start(slots, held, options.SlotLease!.Value, options.SlotRenewInterval, time, logger);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, renewal.Lost);
        try
        {
            return (await work(linked.Token).ConfigureAwait(false), renewal.Current);
        }
        catch (OperationCanceledException) when (renewal.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new SlotLostException(held.RunId!);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
        lost.Dispose();
    }

    private async Task RenewAsync(RunSlots slots, TimeSpan lease, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        var runId = current.RunId!;
        try
        {
            while (true)
            {
                await Task.Delay(interval, time, stop.Token).ConfigureAwait(false);
                try
                {
                    // Not canceled by the stop: a renewal that reached storage must hand back its ETag, or the release would need a read.
                    // A renewal that lands after the lease ran out is worth nothing: give up on it by then.
                    using var timeout = new CancellationTokenSource(lease - interval, time);
                    var renewed = await slots.RenewAsync(Current, timeout.Token).ConfigureAwait(false);
                    if (renewed is null)
                    {
                        Log.SlotLeaseLost(logger, runId, current.Lane, current.Number);
                        await lost.CancelAsync().ConfigureAwait(false);
                        return;
                    }

                    Volatile.Write(ref current, renewed);
                }
#pragma warning disable CA1031 // A missed renewal is tried again at the next interval; the lease leaves room for one more.
                catch (Exception ex) when (!stop.IsCancellationRequested || ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    Log.SlotRenewFailed(logger, runId, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped: the attempt is recorded and the slot is about to be released.
        }
    }
}
