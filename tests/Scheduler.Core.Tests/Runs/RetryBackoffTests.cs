using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Tests.Runs;

public sealed class RetryBackoffTests
{
    private static readonly RetryPolicy NoJitter = new()
    {
        MaxAttempts = 10,
        FirstInterval = TimeSpan.FromSeconds(1),
        Coefficient = 2,
        MaxInterval = TimeSpan.FromSeconds(10),
        Jitter = 0,
    };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    public void DelayAfter_NoJitter_GrowsExponentially(int attempt, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryBackoff.DelayAfter(NoJitter, "job:1", attempt));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(60)]
    public void DelayAfter_BeyondMaxInterval_IsCapped(int attempt)
    {
        Assert.Equal(TimeSpan.FromSeconds(10), RetryBackoff.DelayAfter(NoJitter, "job:1", attempt));
    }

    [Fact]
    public void DelayAfter_SameRunAndAttempt_IsTheSameEveryTime()
    {
        var policy = NoJitter with { Jitter = 0.5 };

        var first = RetryBackoff.DelayAfter(policy, "job:0638845920000000000", 2);
        var again = RetryBackoff.DelayAfter(policy, "job:0638845920000000000", 2);

        Assert.Equal(first, again);
    }

    [Fact]
    public void DelayAfter_DifferentRuns_Differ()
    {
        var policy = NoJitter with { Jitter = 0.5 };

        var delays = Enumerable.Range(0, 20).Select(i => RetryBackoff.DelayAfter(policy, $"job:{i:D19}", 2)).Distinct().Count();

        Assert.True(delays > 15, $"only {delays} distinct delays for 20 runs");
    }

    [Fact]
    public void DelayAfter_WithJitter_StaysWithinHalfTheJitterEitherSide()
    {
        var policy = NoJitter with { Jitter = 0.2, MaxInterval = TimeSpan.FromMinutes(5) };

        for (var run = 0; run < 200; run++)
        {
            for (var attempt = 1; attempt <= 4; attempt++)
            {
                var nominal = Math.Pow(2, attempt - 1) * 1000;
                var delay = RetryBackoff.DelayAfter(policy, $"job:{run:D19}", attempt).TotalMilliseconds;
                Assert.InRange(delay, nominal * 0.9, nominal * 1.1);
            }
        }
    }

    [Fact]
    public void DelayAfter_WithJitter_SpreadsBothWays()
    {
        var policy = NoJitter with { Jitter = 0.2 };

        var delays = Enumerable.Range(0, 200).Select(i => RetryBackoff.DelayAfter(policy, $"job:{i:D19}", 1)).ToList();

        Assert.Contains(delays, d => d < TimeSpan.FromSeconds(1));
        Assert.Contains(delays, d => d > TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void DelayAfter_RetryAfterLongerThanBackoff_Wins()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), RetryBackoff.DelayAfter(NoJitter, "job:1", 1, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void DelayAfter_RetryAfterShorterThanBackoff_IsIgnored()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), RetryBackoff.DelayAfter(NoJitter, "job:1", 3, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public void DelayAfter_HugeRetryAfter_IsCappedAtOneDay()
    {
        Assert.Equal(TimeSpan.FromDays(1), RetryBackoff.DelayAfter(NoJitter, "job:1", 1, TimeSpan.FromDays(30)));
    }
}
