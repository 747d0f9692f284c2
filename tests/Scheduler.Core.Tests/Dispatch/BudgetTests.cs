using Scheduler.Core.Config;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Dispatch;

public sealed class BudgetTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;

    [Fact]
    public void BudgetOf_NamedAndUnnamedLanes_UseTheirOwnOrTheDefault()
    {
        var config = new SchedulerConfig { DefaultLaneConcurrency = 4, Lanes = new Dictionary<string, int> { ["reports"] = 2 } };

        Assert.Equal(2, config.BudgetOf("reports"));
        Assert.Equal(4, config.BudgetOf("default"));
        Assert.Equal(4, config.BudgetOf("other"));
        Assert.Equal(SchedulerConfig.DefaultConcurrency, new SchedulerConfig().BudgetOf("default"));
    }

    [Fact]
    public void FreeCount_EmptyAndHeldRows_CountsOnlyEmptySlotsBelowBudget()
    {
        var rows = new[]
        {
            new Slot("default", 0, "a:1", T.AddMinutes(1), "1"),
            new Slot("default", 1, null, null, "2"),
            new Slot("default", 5, "b:1", T.AddMinutes(1), "3"),
        };

        var lane = new LaneSlots("default", 3, rows);

        Assert.Equal(2, lane.FreeCount(T));
        Assert.Equal(1, lane.InUse(T));
    }

    [Fact]
    public void Reserve_UntilExhausted_HandsOutLowestFreeSlotsThenNull()
    {
        var lane = new LaneSlots("default", 3, [new Slot("default", 1, "a:1", T.AddMinutes(1), "1")]);

        var first = lane.Reserve();
        var second = lane.Reserve();
        var third = lane.Reserve();

        Assert.Equal(0, first!.Number);
        Assert.Equal(2, second!.Number);
        Assert.Null(third);
        Assert.Equal(0, lane.FreeCount(T));
    }

    [Fact]
    public void Settle_TakenSlot_StaysUsedAndEmptiedSlotIsFreeAgain()
    {
        var lane = new LaneSlots("default", 2, []);
        var reserved = lane.Reserve()!;

        lane.Settle(reserved with { RunId = "a:1", LeaseUntilUtc = T.AddMinutes(1), ETag = "1" });
        Assert.Equal(1, lane.FreeCount(T));

        var other = lane.Reserve()!;
        lane.Settle(other);
        Assert.Equal(1, lane.FreeCount(T));
        Assert.Equal(1, other.Number);
    }

    [Fact]
    public void Expired_LeasePassed_ListsOnlyThoseSlots()
    {
        var lane = new LaneSlots("default", 3, [
            new Slot("default", 0, "a:1", T.AddSeconds(-1), "1"),
            new Slot("default", 1, "b:1", T.AddSeconds(10), "2"),
            new Slot("default", 2, null, null, "3"),
        ]);

        Assert.Equal([0], lane.Expired(T).Select(s => s.Number));
    }
}
