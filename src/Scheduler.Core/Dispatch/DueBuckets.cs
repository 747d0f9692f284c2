using System.Globalization;

namespace Scheduler.Core.Dispatch;

/// <summary>Due-index partitions: one per UTC minute, formatted so that ordinal order is time order.</summary>
public static class DueBuckets
{
    private const string Format = "yyyyMMddHHmm";

    /// <summary>The bucket of an occurrence inserted at <paramref name="nowUtc"/>: its own minute, never earlier than now's minute,
    /// so that a sweep whose cursor has passed an old minute still sees late inserts.</summary>
    public static string For(DateTimeOffset dueUtc, DateTimeOffset nowUtc) => Of(dueUtc > nowUtc ? dueUtc : nowUtc);

    /// <summary>The bucket (UTC minute) containing <paramref name="instantUtc"/>.</summary>
    public static string Of(DateTimeOffset instantUtc) => instantUtc.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset StartOf(string bucket) =>
        new(DateTime.ParseExact(bucket, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    public static string Min(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a : b;
}
