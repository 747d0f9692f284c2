using Scheduler.Core.Workflow;

namespace Scheduler.Core.Tests.Workflow;

public sealed class DeferralWaitTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(5, 10)]
    [InlineData(50, 10)]
    public void DeferralWait_ConsecutiveSlotWaits_DoubleUpToTenSeconds(int deferrals, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RunWorkflow.DeferralWait(TimeSpan.FromSeconds(1), deferrals));
    }

    [Fact]
    public void DeferralWait_AskedForMoreThanTheCap_WaitsWhatWasAsked()
    {
        // An attempt in flight on another worker is waited out exactly, however long.
        Assert.Equal(TimeSpan.FromSeconds(45), RunWorkflow.DeferralWait(TimeSpan.FromSeconds(45), 1));
    }
}
