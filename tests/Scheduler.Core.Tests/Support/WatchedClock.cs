using Microsoft.Extensions.Time.Testing;

namespace Scheduler.Core.Tests.Support;

/// <summary>A <see cref="FakeTimeProvider"/> that lets a test wait (without sleeping) until code under test starts a timer of a given length,
/// so it can advance the clock exactly when something is waiting on it.</summary>
public sealed class WatchedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly List<TimeSpan> unclaimed = [];
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Signal)> waiters = [];
    private readonly Lock gate = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        TaskCompletionSource? signal = null;
        lock (gate)
        {
            var index = waiters.FindIndex(w => w.DueTime == dueTime);
            if (index >= 0)
            {
                signal = waiters[index].Signal;
                waiters.RemoveAt(index);
            }
            else
            {
                unclaimed.Add(dueTime);
            }
        }

        signal?.TrySetResult();
        return timer;
    }

    /// <summary>Completes once a timer of exactly <paramref name="dueTime"/> exists that no earlier call claimed.</summary>
    public Task TimerStarted(TimeSpan dueTime)
    {
        lock (gate)
        {
            if (unclaimed.Remove(dueTime))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((dueTime, signal));
            return signal.Task;
        }
    }
}
