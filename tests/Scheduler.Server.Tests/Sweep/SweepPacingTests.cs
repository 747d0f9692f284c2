using Scheduler.Core.Dispatch;
using Scheduler.Server.Sweep;

namespace Scheduler.Server.Tests.Sweep;

public sealed class SweepPacingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    private static SweepReport Report(DateTimeOffset? next, int dispatched = 0, bool truncated = false) =>
        new(dispatched, new Dictionary<RowOutcome, int> { [RowOutcome.Dispatched] = dispatched }, "cursor", Paused: false)
        {
            NextDueUtc = next,
            Truncated = truncated,
        };

    [Fact]
    public void NextRowJustPastTheWindow_WaitsAThirdOfTheWindow_NotASweepPerRun()
    {
        // A steady 100 runs/s: the next row is 10 ms past what this sweep could dispatch.
        var wait = SweepPacing.WaitAfter(Report(Now + Window + TimeSpan.FromMilliseconds(10), dispatched: 1), Window, Tick, Now);

        Assert.Equal(TimeSpan.FromMilliseconds(100), wait);
    }

    [Fact]
    public void NextRowLater_WakesAsItEntersTheWindow()
    {
        var wait = SweepPacing.WaitAfter(Report(Now + TimeSpan.FromSeconds(2)), Window, Tick, Now);

        Assert.Equal(TimeSpan.FromSeconds(2) - Window, wait);
    }

    [Fact]
    public void NothingRead_OrTheNextRowBeyondATick_WaitsATick()
    {
        Assert.Equal(Tick, SweepPacing.WaitAfter(Report(null), Window, Tick, Now));
        Assert.Equal(Tick, SweepPacing.WaitAfter(Report(Now + TimeSpan.FromMinutes(1)), Window, Tick, Now));
    }

    [Fact]
    public void FullReadThatDispatched_SweepsAgainAtOnce()
    {
        var wait = SweepPacing.WaitAfter(Report(Now + TimeSpan.FromSeconds(2), dispatched: 64, truncated: true), Window, Tick, Now);

        Assert.Equal(TimeSpan.Zero, wait);
    }

    [Fact]
    public void FullReadThatDispatchedNothing_WaitsInsteadOfSpinning()
    {
        var wait = SweepPacing.WaitAfter(Report(null, dispatched: 0, truncated: true), Window, Tick, Now);

        Assert.Equal(Tick, wait);
    }
}
