using System.Threading.Channels;

namespace Scheduler.Server.Worker;

/// <summary>Wakes this process's <see cref="RunWorker"/> out of its idle wait when this process itself makes a runs-queue message
/// visible: at once for a message visible now, at its visible time for a delayed one. The worker can then back its idle poll off
/// far (<see cref="WorkerOptions.MaxIdlePollInterval"/>) without making its own resumes and hand-overs late; only messages
/// from other processes wait for the poll.</summary>
/// <remarks>One timer, armed for the earliest pending instant; the later ones wait in a sorted set and are armed in turn.
/// Wakes coalesce: any number of them while the worker receives cause one more receive.</remarks>
public sealed class RunQueueWake(TimeProvider time) : IDisposable
{
    // Beyond this many pending instants the latest are dropped: the idle poll finds those messages, a little later.
    private const int MaxPending = 4096;

    private readonly Channel<bool> kicks = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly Lock gate = new();
    private readonly SortedSet<long> pending = [];
    private ITimer? timer;
    private long armedFor = long.MaxValue;
    private bool disposed;

    /// <summary>Instants still waiting for their timer (UTC).</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    /// <summary>A message became visible now.</summary>
    public void WakeNow() => kicks.Writer.TryWrite(true);

    /// <summary>A message becomes visible at <paramref name="visibleUtc"/>.</summary>
    public void WakeAt(DateTimeOffset visibleUtc)
    {
        var now = time.GetUtcNow();
        if (visibleUtc <= now)
        {
            WakeNow();
            return;
        }

        lock (gate)
        {
            if (disposed || !pending.Add(visibleUtc.UtcTicks))
            {
                return;
            }

            if (pending.Count > MaxPending)
            {
                pending.Remove(pending.Max);
            }

            if (visibleUtc.UtcTicks < armedFor)
            {
                Arm(now.UtcTicks);
            }
        }
    }

    /// <summary>Waits for a wake or for <paramref name="timeout"/>; true when woken.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (kicks.Reader.TryRead(out _))
        {
            return true;
        }

        using var elapsed = new CancellationTokenSource(timeout, time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, elapsed.Token);
        try
        {
            await kicks.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            pending.Clear();
            timer?.Dispose();
        }
    }

    private void Fire()
    {
        var woke = false;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            // A timer may fire a little early by the clock: an instant not reached yet is armed again.
            var now = time.GetUtcNow().UtcTicks;
            while (pending.Count > 0 && pending.Min <= now)
            {
                pending.Remove(pending.Min);
                woke = true;
            }

            Arm(now);
        }

        if (woke)
        {
            WakeNow();
        }
    }

    // Called under the gate, only with every pending instant after now: the timer never fires inside the lock.
    private void Arm(long nowTicks)
    {
        if (pending.Count == 0)
        {
            armedFor = long.MaxValue;
            timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        armedFor = pending.Min;
        timer ??= time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        timer.Change(TimeSpan.FromTicks(armedFor - nowTicks), Timeout.InfiniteTimeSpan);
    }
}
