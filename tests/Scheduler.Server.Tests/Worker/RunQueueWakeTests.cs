using Microsoft.Extensions.Time.Testing;
using Scheduler.Server.Worker;

namespace Scheduler.Server.Tests.Worker;

public sealed class RunQueueWakeTests
{
    private static readonly TimeSpan LongWait = TimeSpan.FromHours(1);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task WaitAsync_NothingWakes_ReturnsFalseWhenItsTimeoutIsOver()
    {
        using var wake = new RunQueueWake(time);
        var waiting = wake.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WakeNow_DuringAWait_WakesTheWaiter()
    {
        using var wake = new RunQueueWake(time);
        var waiting = wake.WaitAsync(LongWait, CancellationToken.None);

        wake.WakeNow();

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WakeNow_WhileNobodyWaits_WakesTheNextWaitOnce()
    {
        using var wake = new RunQueueWake(time);
        wake.WakeNow();
        wake.WakeNow();

        var first = await wake.WaitAsync(LongWait, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var second = wake.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(first);
        Assert.False(await second.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WakeAt_ALaterInstant_WakesTheWaiterThenAndNotBefore()
    {
        using var wake = new RunQueueWake(time);
        var waiting = wake.WaitAsync(LongWait, CancellationToken.None);

        wake.WakeAt(time.GetUtcNow().AddSeconds(2));
        time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WakeAt_AnInstantPast_WakesAtOnce()
    {
        using var wake = new RunQueueWake(time);
        var waiting = wake.WaitAsync(LongWait, CancellationToken.None);

        wake.WakeAt(time.GetUtcNow().AddSeconds(-1));

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WakeAt_AnEarlierInstantAfterALaterOne_WakesAtBoth()
    {
        using var wake = new RunQueueWake(time);
        var start = time.GetUtcNow();
        wake.WakeAt(start.AddSeconds(10));
        wake.WakeAt(start.AddSeconds(3));

        var first = wake.WaitAsync(LongWait, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.True(await first.WaitAsync(TimeSpan.FromSeconds(10)));
        var second = wake.WaitAsync(LongWait, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(6.9));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.True(await second.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, wake.Pending);
    }

    [Fact]
    public async Task WakeAt_ManyInstantsPassingTogether_WakeOnce()
    {
        using var wake = new RunQueueWake(time);
        var start = time.GetUtcNow();
        for (var i = 1; i <= 50; i++)
        {
            wake.WakeAt(start.AddMilliseconds(i * 10));
        }

        time.Advance(TimeSpan.FromSeconds(1));
        var first = await wake.WaitAsync(LongWait, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var second = wake.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(first);
        Assert.False(await second.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, wake.Pending);
    }

    [Fact]
    public async Task WaitAsync_Canceled_Throws()
    {
        using var wake = new RunQueueWake(time);
        using var stop = new CancellationTokenSource();
        var waiting = wake.WaitAsync(LongWait, stop.Token);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
