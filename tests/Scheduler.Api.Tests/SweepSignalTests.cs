using Scheduler.Core.Dispatch;
using Scheduler.Server.Sweep;

namespace Scheduler.Api.Tests;

public sealed class SweepSignalTests
{
    [Fact]
    public async Task WaitAsync_Kicked_ReturnsTrueAtOnce()
    {
        var signal = new SweepSignal();
        signal.Kick();

        var kicked = await signal.WaitAsync(TimeSpan.FromMinutes(5), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(kicked);
    }

    [Fact]
    public async Task WaitAsync_ManyKicks_CoalesceIntoOneWakeUp()
    {
        var signal = new SweepSignal();
        signal.Kick();
        signal.Kick();
        signal.Kick();

        var first = await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None);
        var second = await signal.WaitAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task WaitAsync_KickDuringWait_WakesTheWaiter()
    {
        var signal = new SweepSignal();
        var waiting = signal.WaitAsync(TimeSpan.FromMinutes(5), CancellationToken.None);

        signal.Kick();

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task KickFor_DueAfterTheCurrentWaitEnds_LeavesTheWaiterAsleep()
    {
        var signal = new SweepSignal(new SweepOptions { DispatchAhead = TimeSpan.FromMilliseconds(250) });
        var waiting = signal.WaitAsync(TimeSpan.FromMilliseconds(500), CancellationToken.None);

        signal.KickFor(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1));

        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task KickFor_DueBeforeTheCurrentWaitEnds_WakesTheWaiter()
    {
        var signal = new SweepSignal(new SweepOptions { DispatchAhead = TimeSpan.FromMilliseconds(250) });
        var waiting = signal.WaitAsync(TimeSpan.FromMinutes(5), CancellationToken.None);

        signal.KickFor(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));

        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task KickFor_WhileTheLoopSweeps_WakesItAfterwards()
    {
        var signal = new SweepSignal(new SweepOptions { DispatchAhead = TimeSpan.FromMilliseconds(250) });

        signal.KickFor(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1));

        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }
}
