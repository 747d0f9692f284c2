using Scheduler.Core.Dispatch;
using Scheduler.Core.Jobs;

namespace Scheduler.Core.Tests.Dispatch;

public sealed class OverlapDeciderTests
{
    [Theory]
    [InlineData(OverlapPolicy.Allow, false, OverlapDecision.Dispatch)]
    [InlineData(OverlapPolicy.Allow, true, OverlapDecision.Dispatch)]
    [InlineData(OverlapPolicy.Skip, false, OverlapDecision.Dispatch)]
    [InlineData(OverlapPolicy.Skip, true, OverlapDecision.Skip)]
    [InlineData(OverlapPolicy.BufferOne, false, OverlapDecision.Dispatch)]
    [InlineData(OverlapPolicy.BufferOne, true, OverlapDecision.Hold)]
    public void Decide_EachPolicy_FollowsTheTable(OverlapPolicy policy, bool previousActive, OverlapDecision expected)
    {
        Assert.Equal(expected, OverlapDecider.Decide(policy, previousActive));
    }

    [Fact]
    public void Decide_UnknownPolicyWithActiveRun_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OverlapDecider.Decide((OverlapPolicy)42, true));
    }
}
