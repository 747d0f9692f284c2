using System.Globalization;

namespace Scheduler.Core.Schedules;

/// <summary>Offsets and wall-clock times written the same way in every daylight-saving note.</summary>
internal static class Offsets
{
    public static string Iso(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    public static string Utc(TimeSpan offset) => "UTC" + Iso(offset);

    /// <summary>"02:30", or "02:30:15" when the seconds matter.</summary>
    public static string Clock(DateTime wall) =>
        wall.ToString(wall.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Day(DateTime wall) => wall.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
