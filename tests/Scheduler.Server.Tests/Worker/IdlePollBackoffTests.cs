using Scheduler.Server.Worker;

namespace Scheduler.Server.Tests.Worker;

public sealed class IdlePollBackoffTests
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(5);

    [Fact]
    public void Next_EmptyReceivesInARow_DoubleUpToTheMaximum()
    {
        var backoff = new IdlePollBackoff(First, Max);

        var waits = Enumerable.Range(0, 8).Select(_ => backoff.Next().TotalMilliseconds);

        Assert.Equal([250, 500, 1000, 2000, 4000, 5000, 5000, 5000], waits);
    }

    [Fact]
    public void Reset_AfterBackingOff_StartsAgainFromTheFirstInterval()
    {
        var backoff = new IdlePollBackoff(First, Max);
        for (var i = 0; i < 10; i++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.Equal(First, backoff.Next());
        Assert.Equal(First * 2, backoff.Next());
    }

    [Fact]
    public void Next_MaximumEqualToTheFirst_NeverBacksOff()
    {
        var backoff = new IdlePollBackoff(First, First);

        Assert.All(Enumerable.Range(0, 4), _ => Assert.Equal(First, backoff.Next()));
    }
}
