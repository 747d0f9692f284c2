namespace Scheduler.Core.Health;

/// <summary>What the host's own loops know about storage: whether it was reached once (tables and queues exist), and the
/// current outage if any (since when, and why). Health answers from it at once while storage was never reached; the
/// sweep and the worker wait on <see cref="WaitReadyAsync"/> before their first call.</summary>
public sealed class StorageStatus(TimeProvider time)
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private StorageOutage? outage;

    /// <summary>Storage was reached and initialised at least once.</summary>
    public bool IsReady => ready.Task.IsCompleted;

    /// <summary>The current outage, or null while the last call succeeded.</summary>
    public StorageOutage? Current
    {
        get
        {
            lock (gate)
            {
                return outage;
            }
        }
    }

    public void MarkReady()
    {
        Recovered();
        ready.TrySetResult();
    }

    /// <summary>Records a failed call; the outage keeps the time of its first failure.</summary>
    public void Failed(string reason)
    {
        lock (gate)
        {
            outage = new StorageOutage(reason, outage?.SinceUtc ?? time.GetUtcNow());
        }
    }

    public void Recovered()
    {
        lock (gate)
        {
            outage = null;
        }
    }

    public Task WaitReadyAsync(CancellationToken cancellationToken) => ready.Task.WaitAsync(cancellationToken);
}
