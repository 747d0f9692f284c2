namespace Scheduler.Core.Stats;

/// <summary>The fixed, signed buckets that lateness (start of a run's first attempt minus its due time, in ms) is counted in,
/// so that percentiles per minute come from counters. Bucket <c>k</c> holds <c>[Edges[k-1], Edges[k])</c>; the first and the
/// last are open. Early starts (negative) have buckets of their own, mirroring the late ones. The edges are part of the stored
/// format: changing them needs a new counter table.</summary>
public static class LatenessBuckets
{
    private static readonly double[] Late =
    [
        1, 2, 5, 10, 20, 50, 100, 200, 300, 500, 750, 1_000, 1_500, 2_000, 3_000, 5_000, 7_500, 10_000, 15_000, 30_000,
        60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000,
    ];

    /// <summary>The finite edges, ascending: the mirrored early edges, 0, then the late edges.</summary>
    public static IReadOnlyList<double> Edges { get; } = [.. Late.Reverse().Select(e => -e), 0, .. Late];

    /// <summary>How many buckets there are (one more than edges).</summary>
    public static int Count => Edges.Count + 1;

    /// <summary>The bucket a lateness falls in.</summary>
    public static int IndexOf(double latenessMs)
    {
        var lo = 0;
        var hi = Edges.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (latenessMs >= Edges[mid])
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>True when the bucket holds only early starts (its upper edge is at most zero).</summary>
    public static bool IsEarly(int bucket) => bucket < Edges.Count && Edges[bucket] <= 0;

    /// <summary>The p-th percentile (0 &lt; p &lt;= 1) of the counted samples by nearest rank, placed linearly inside its bucket;
    /// null when there is none. An open bucket answers its finite edge.</summary>
    public static double? Percentile(IReadOnlyList<long> counts, double p)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var total = counts.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(p * total));
        long before = 0;
        for (var k = 0; k < counts.Count; k++)
        {
            if (before + counts[k] < rank)
            {
                before += counts[k];
                continue;
            }

            if (k == 0)
            {
                return Edges[0];
            }

            if (k == Edges.Count)
            {
                return Edges[^1];
            }

            var (low, high) = (Edges[k - 1], Edges[k]);
            return low + ((double)(rank - before) / counts[k] * (high - low));
        }

        return Edges[^1];
    }
}
