using System.Globalization;

namespace Scheduler.Storage.Tables;

/// <summary>Row keys of the due table: <c>{dueTicks:D19}-{9-priority}-{jobId}</c>, so ordinal order is due time, then highest priority first.
/// Buckets (partition keys) come from <see cref="Core.Dispatch.DueBuckets"/>.</summary>
public static class DueKeys
{
    private const int TicksDigits = 19;

    public static string RowKey(DateTimeOffset dueUtc, int priority, string jobId) =>
        string.Create(CultureInfo.InvariantCulture, $"{dueUtc.UtcTicks:D19}-{9 - Math.Clamp(priority, 0, 9)}-{jobId}");

    /// <summary>The due time, priority and job id encoded in a row key.</summary>
    public static (DateTimeOffset DueUtc, int Priority, string JobId) Parse(string rowKey)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        if (rowKey.Length < TicksDigits + 4 || rowKey[TicksDigits] != '-' || rowKey[TicksDigits + 2] != '-'
            || !long.TryParse(rowKey.AsSpan(0, TicksDigits), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !char.IsAsciiDigit(rowKey[TicksDigits + 1]))
        {
            throw new FormatException($"'{rowKey}' is not a due row key.");
        }

        return (new DateTimeOffset(ticks, TimeSpan.Zero), 9 - (rowKey[TicksDigits + 1] - '0'), rowKey[(TicksDigits + 3)..]);
    }
}
