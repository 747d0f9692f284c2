using Scheduler.Core.Config;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Dispatch;

/// <summary>A backlog behind a full lane is not read again in full at every sweep: the read stops at the free slots plus a slack.</summary>
public sealed class SweepReadLimitTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;

    [Fact]
    public async Task Sweep_BacklogBehindFullLane_ReadsFreeSlotsPlusSlackAndSaysItStopped()
    {
        var h = new EngineHarness();
        await h.SetConfigAsync(new SchedulerConfig { DefaultLaneConcurrency = 2 });
        for (var i = 0; i < Sweeper.ReadSlack + 50; i++)
        {
            await h.CreateAsync(TestJobs.Http($"job{i:D3}", TestJobs.Once(T)));
        }

        var first = await h.SweepAsync();
        var second = await h.SweepAsync();

        Assert.Equal(2 + Sweeper.ReadSlack, first.RowsRead);
        Assert.Equal(2, first.Count(RowOutcome.Dispatched));
        Assert.True(first.Truncated);
        Assert.Equal(Sweeper.ReadSlack, second.RowsRead);
        Assert.Equal(0, second.Count(RowOutcome.Dispatched));
        Assert.True(second.Truncated);
    }

    [Fact]
    public async Task Sweep_FewerRowsThanTheLimit_IsNotTruncated()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Once(T)));

        var report = await h.SweepAsync();

        Assert.Equal(1, report.RowsRead);
        Assert.False(report.Truncated);
    }
}
