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
}
