using System.Threading.Channels;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;

namespace Scheduler.Server.Sweep;

/// <summary>Wakes the sweep loop early. Kicks coalesce: any number of kicks during a sweep cause one more sweep.</summary>
public sealed class SweepSignal(SweepOptions options, TimeProvider time) : ISweepSignal
{
    private readonly Channel<bool> kicks = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly TimeSpan window = options.DispatchWindow;
    private volatile bool backlog;
    // UTC ticks at which the loop's current wait ends; long.MinValue while it sweeps.
    private long waitingUntil = long.MinValue;

    public void Kick() => kicks.Writer.TryWrite(true);

    /// <summary>Kicks only when the occurrence must be dispatched before the loop's current wait ends: at 20 new jobs a second,
    /// a sweep per job would cost more storage calls than the runs themselves.</summary>
    public void KickFor(DateTimeOffset dueUtc)
    {
        var until = Interlocked.Read(ref waitingUntil);
        // In ticks: a due time near DateTimeOffset.MinValue (a once-job "at" year 1) minus the window is not a date.
        if (until != long.MinValue && dueUtc.UtcTicks - window.Ticks >= until)
        {
            return;
        }

        Kick();
    }

    /// <summary>A run gave its slot back: sweep now if the last sweep left due rows waiting for a slot.</summary>
    public void SlotFreed()
    {
        if (backlog)
        {
            Kick();
        }
    }

    /// <summary>Set by the sweep loop after each sweep: whether due rows are waiting for a slot.</summary>
    public void SetBacklog(bool waiting) => backlog = waiting;

    /// <summary>Waits for a kick or for <paramref name="timeout"/>; true when kicked.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (kicks.Reader.TryRead(out _))
        {
            return true;
        }

        if (timeout <= TimeSpan.Zero)
        {
            return false;
        }

        using var timer = new CancellationTokenSource(timeout, time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        Interlocked.Exchange(ref waitingUntil, (time.GetUtcNow() + timeout).UtcTicks);
        try
        {
            await kicks.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            Interlocked.Exchange(ref waitingUntil, long.MinValue);
        }
    }
}
