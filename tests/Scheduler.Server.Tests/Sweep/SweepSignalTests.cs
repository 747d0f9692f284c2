using Microsoft.Extensions.Time.Testing;
using Scheduler.Core.Dispatch;
using Scheduler.Server.Sweep;

namespace Scheduler.Server.Tests.Sweep;

public sealed class SweepSignalTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task WaitAsync_Kicked_ReturnsTrueAtOnce()
    {
        var signal = new SweepSignal(new SweepOptions(), time);
        signal.Kick();

        var kicked = await signal.WaitAsync(TimeSpan.FromMinutes(5), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(kicked);
    }

    [Fact]
    public async Task WaitAsync_ManyKicks_CoalesceIntoOneWakeUp()
    {
        var signal = new SweepSignal(new SweepOptions(), time);
        signal.Kick();
        signal.Kick();
        signal.Kick();

        var first = await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None);
        var second = signal.WaitAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(50));

        Assert.True(first);
        Assert.False(await second.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task WaitAsync_KickDuringWait_WakesTheWaiter()
    {
        var signal = new SweepSignal(new SweepOptions(), time);
        var waiting = signal.WaitAsync(TimeSpan.FromMinutes(5), CancellationToken.None);

        signal.Kick();

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task KickFor_DueAfterTheCurrentWaitEnds_LeavesTheWaiterAsleep()
    {
        var signal = new SweepSignal(new SweepOptions { DispatchAhead = TimeSpan.FromMilliseconds(250) }, time);
        var waiting = signal.WaitAsync(TimeSpan.FromMilliseconds(500), CancellationToken.None);

        signal.KickFor(time.GetUtcNow() + TimeSpan.FromMinutes(1));
        time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task KickFor_DueBeforeTheCurrentWaitEnds_WakesTheWaiter()
    {
        var signal = new SweepSignal(new SweepOptions { DispatchAhead = TimeSpan.FromMilliseconds(250) }, time);
        var waiting = signal.WaitAsync(TimeSpan.FromMinutes(5), CancellationToken.None);

        signal.KickFor(time.GetUtcNow() + TimeSpan.FromSeconds(1));

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task KickFor_WhileTheLoopSweeps_WakesItAfterwards()
    {
        var signal = new SweepSignal(new SweepOptions { DispatchAhead = TimeSpan.FromMilliseconds(250) }, time);

        signal.KickFor(time.GetUtcNow() + TimeSpan.FromMinutes(1));

        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }
}
