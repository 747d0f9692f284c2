using Scheduler.Core.Stats;

namespace Scheduler.Api.Models;

/// <summary>Start of first attempt minus due time, in milliseconds, over the runs whose first attempt started in a window. Signed:
/// a run that started before its due time counts in <paramref name="Early"/> and pulls the percentiles below zero. The percentiles
/// come from counters per <see cref="LatenessBuckets"/> bucket: each lies within the bucket that holds the true value.</summary>
public sealed record LatenessView(long Samples, double? P50, double? P95, double? P99, long Early = 0)
{
    public static LatenessView Of(RunCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new LatenessView(
            counts.Started,
            LatenessBuckets.Percentile(counts.Lateness, 0.50),
            LatenessBuckets.Percentile(counts.Lateness, 0.95),
            LatenessBuckets.Percentile(counts.Lateness, 0.99),
            counts.Early);
    }
}
