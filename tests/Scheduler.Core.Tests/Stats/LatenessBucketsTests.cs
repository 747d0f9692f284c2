using Scheduler.Core.Stats;

namespace Scheduler.Core.Tests.Stats;

/// <summary>Lateness counted in fixed signed buckets: early starts stay negative, percentiles land in the true value's bucket.</summary>
public sealed class LatenessBucketsTests
{
    [Theory]
    [InlineData(-5_000_000)]
    [InlineData(-400)]
    [InlineData(-0.5)]
    [InlineData(0)]
    [InlineData(0.4)]
    [InlineData(40)]
    [InlineData(500)]
    [InlineData(9_999_999)]
    public void IndexOf_AnyLateness_FallsInTheBucketThatHoldsIt(double ms)
    {
        var k = LatenessBuckets.IndexOf(ms);
        var edges = LatenessBuckets.Edges;

        Assert.True(k == 0 || edges[k - 1] <= ms, $"{ms} is below bucket {k}");
        Assert.True(k == edges.Count || ms < edges[k], $"{ms} is above bucket {k}");
        Assert.Equal(ms < 0, LatenessBuckets.IsEarly(k));
    }

    [Fact]
    public void Percentile_MixedSamples_EachLiesInTheBucketOfTheExactValue()
    {
        // 90 at 40 ms, 8 at 5 s, 2 early at -3 ms: exact nearest-rank p50 = 40, p95 = 5000, p99 = 5000; early ones count.
        double[] samples = [.. Enumerable.Repeat(40.0, 90), .. Enumerable.Repeat(5_000.0, 8), -3, -3];
        var counts = new long[LatenessBuckets.Count];
        foreach (var ms in samples)
        {
            counts[LatenessBuckets.IndexOf(ms)]++;
        }

        AssertSameBucket(40, LatenessBuckets.Percentile(counts, 0.50));
        AssertSameBucket(5_000, LatenessBuckets.Percentile(counts, 0.95));
        AssertSameBucket(5_000, LatenessBuckets.Percentile(counts, 0.99));
        AssertSameBucket(-3, LatenessBuckets.Percentile(counts, 0.01));
        Assert.True(LatenessBuckets.Percentile(counts, 0.01) < 0);
    }

    [Fact]
    public void Percentile_NoSamples_IsNull() =>
        Assert.Null(LatenessBuckets.Percentile(new long[LatenessBuckets.Count], 0.5));

    private static void AssertSameBucket(double exact, double? estimate)
    {
        Assert.NotNull(estimate);
        var k = LatenessBuckets.IndexOf(exact);
        var edges = LatenessBuckets.Edges;
        Assert.InRange(estimate.Value, k == 0 ? double.MinValue : edges[k - 1], k == edges.Count ? double.MaxValue : edges[k]);
    }
}
