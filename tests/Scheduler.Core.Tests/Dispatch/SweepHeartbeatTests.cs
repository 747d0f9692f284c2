using Scheduler.Core.Config;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Dispatch;

/// <summary>Back-to-back sweeps under a burst do not each write the sweep's state: it is written when the cursor moves, when a
/// backlog begins or ends, and at least once a second as the heartbeat.</summary>
public sealed class SweepHeartbeatTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;

    [Fact]
    public async Task Sweep_BacklogSweptAgainWithinASecond_LeavesTheStoredStateAlone()
    {
        var h = await BacklogAsync();
        var first = h.Config.State;

        h.Time.Advance(TimeSpan.FromMilliseconds(300));
        var report = await h.SweepAsync();

        Assert.True(report.Count(RowOutcome.Throttled) > 0);
        Assert.Equal(first, h.Config.State);
    }

    [Fact]
    public async Task Sweep_BacklogSweptASecondLater_WritesTheHeartbeat()
    {
        var h = await BacklogAsync();

        h.Time.Advance(SweepHeartbeat.Every);
        await h.SweepAsync();

        Assert.Equal(h.Time.GetUtcNow(), h.Config.State.LastSweepUtc);
        Assert.True(h.Config.State.LastThrottled > 0);
    }

    [Fact]
    public async Task Sweep_BacklogCleared_WritesAtOnceSoThatTriggersNoLongerDefer()
    {
        var h = await BacklogAsync();
        await h.SetConfigAsync(new SchedulerConfig { DefaultLaneConcurrency = 50 });

        h.Time.Advance(TimeSpan.FromMilliseconds(300));
        var report = await h.SweepAsync();

        Assert.Equal(0, report.Count(RowOutcome.Throttled));
        Assert.Equal(h.Time.GetUtcNow(), h.Config.State.LastSweepUtc);
        Assert.Equal(0, h.Config.State.LastThrottled);
    }

    [Theory]
    [InlineData("b1", "b1", 3, 3, 300, false)]
    [InlineData("b1", "b2", 3, 3, 300, true)]
    [InlineData("b1", "b1", 3, 0, 300, true)]
    [InlineData("b1", "b1", 0, 3, 300, true)]
    [InlineData("b1", "b1", 3, 3, 1000, true)]
    [InlineData("b1", "b1", 3, 3, -300, true)]
    public void ShouldWrite_DecidesFromCursorBacklogAndAge(string stored, string next, int storedThrottled, int throttled, int ageMs, bool expected)
    {
        var state = new SweepState(stored, T, storedThrottled);

        Assert.Equal(expected, SweepHeartbeat.ShouldWrite(state, next, throttled, T.AddMilliseconds(ageMs)));
    }

    [Fact]
    public void ShouldWrite_NeverWritten_Writes() =>
        Assert.True(SweepHeartbeat.ShouldWrite(new SweepState(null, null, 0), "b1", 0, T));

    /// <summary>Five jobs due now behind a budget of two, swept once: the state stored says a backlog waits.</summary>
    private static async Task<EngineHarness> BacklogAsync()
    {
        var h = new EngineHarness();
        await h.SetConfigAsync(new SchedulerConfig { DefaultLaneConcurrency = 2 });
        for (var i = 0; i < 5; i++)
        {
            await h.CreateAsync(TestJobs.Http($"job{i}", TestJobs.Once(T)));
        }

        var report = await h.SweepAsync();
        Assert.Equal(2, report.Count(RowOutcome.Dispatched));
        Assert.Equal(3, h.Config.State.LastThrottled);
        return h;
    }
}
