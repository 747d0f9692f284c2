using Scheduler.Core.Resilience;

namespace Scheduler.Core.Tests.Resilience;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(7, 30)]
    [InlineData(1000, 30)]
    [InlineData(int.MaxValue, 30)]
    public void After_Failures_DoublesFromOneSecondUpToThirty(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Backoff.Default.After(failures));
    }

    [Fact]
    public void After_Custom_StartsAtFirstAndStopsAtMax()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));

        Assert.Equal([250, 500, 1000, 1000], Enumerable.Range(1, 4).Select(n => backoff.After(n).TotalMilliseconds));
    }

    [Fact]
    public void After_NoFailure_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Default.After(0));
    }
}
