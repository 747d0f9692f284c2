using Cronos;

namespace Scheduler.Core.Schedules;

/// <summary>Says when a daylight-saving change moved or qualified a cron occurrence. Cronos is asked rather than
/// re-implemented: which local times fell in a gap, and whether it also fires at the other instance of a repeated time,
/// so that the note describes exactly what the sweep (which computes occurrences with the same Cronos calls) runs.</summary>
internal static class DaylightSavingNotes
{
    private const int TimesListed = 4;

    public static ScheduledOccurrence Describe(CronExpression expression, TimeZoneInfo zone, DateTimeOffset utc)
    {
        var local = TimeZoneInfo.ConvertTime(utc, zone);
        if (zone.IsAmbiguousTime(local))
        {
            return Repeated(expression, zone, utc, local);
        }

        return zone.IsInvalidTime(local.DateTime.AddTicks(-1)) ? AfterGap(expression, zone, utc, local) : new(utc, local, null, null);
    }

    /// <summary>The occurrence sits at the end of a spring-forward gap: it stands for the times of the gap the expression names.</summary>
    private static ScheduledOccurrence AfterGap(CronExpression expression, TimeZoneInfo zone, DateTimeOffset utc, DateTimeOffset local)
    {
        var before = zone.GetUtcOffset(utc.AddTicks(-1));
        var wall = local.DateTime;
        var gapStart = wall - (local.Offset - before);
        var missing = expression.GetOccurrences(AsUtc(gapStart), AsUtc(wall), fromInclusive: true, toInclusive: false).ToList();
        if (missing.Count == 0)
        {
            return new(utc, local, null, null);
        }

        var ownRun = expression.GetNextOccurrence(AsUtc(wall).AddTicks(-1)) == AsUtc(wall);
        var names = Times(missing);
        var one = missing.Count == 1;
        var note = $"{names} {(one ? "does" : "do")} not exist on {Offsets.Day(wall)} in {zone.Id}: clocks go forward from "
            + $"{Offsets.Clock(gapStart)} to {Offsets.Clock(wall)} ({Offsets.Utc(before)} to {Offsets.Utc(local.Offset)}). "
            + (one ? $"It runs at {Offsets.Clock(wall)} instead" : $"They run once, at {Offsets.Clock(wall)}")
            + (ownRun ? $", together with the {Offsets.Clock(wall)} run (one run)." : ".");
        return new(utc, local, DstAdjustment.SkippedForward, note);
    }

    /// <summary>The local time comes twice: say whether Cronos fires at both instances or at this one only.</summary>
    private static ScheduledOccurrence Repeated(CronExpression expression, TimeZoneInfo zone, DateTimeOffset utc, DateTimeOffset local)
    {
        var offsets = zone.GetAmbiguousTimeOffsets(local);
        var (daylight, standard) = (offsets.Max(), offsets.Min());
        var wall = local.DateTime;
        var first = new DateTimeOffset(wall, daylight);
        var second = new DateTimeOffset(wall, standard);
        var isFirst = local.Offset == daylight;
        var other = isFirst ? second : first;
        var back = Transition(zone, first, second);
        var clock = Offsets.Clock(wall);
        var header = $"{clock} comes twice on {Offsets.Day(wall)} in {zone.Id}: clocks go back from "
            + $"{Offsets.Clock(back.ToOffset(daylight).DateTime)} to {Offsets.Clock(back.ToOffset(standard).DateTime)} ({Offsets.Utc(daylight)} to {Offsets.Utc(standard)}). ";
        if (Fires(expression, zone, other))
        {
            return isFirst
                ? new(utc, local, DstAdjustment.AmbiguousFirstOfTwo, header + $"It runs at both; this is the first ({Offsets.Utc(daylight)}).")
                : new(utc, local, DstAdjustment.AmbiguousSecondOfTwo, header + $"It runs at both; this is the second ({Offsets.Utc(standard)}).");
        }

        var which = isFirst ? "first" : "second";
        return new(utc, local, DstAdjustment.AmbiguousOnce,
            header + $"It runs once, at the {which} {clock} ({Offsets.Utc(local.Offset)}), not at {clock} {Offsets.Utc(other.Offset)}.");
    }

    /// <summary>Whether Cronos fires at exactly this instant.</summary>
    private static bool Fires(CronExpression expression, TimeZoneInfo zone, DateTimeOffset instant) =>
        expression.GetNextOccurrence(instant.AddTicks(-1), zone, inclusive: false) == instant;

    /// <summary>The first second at which the zone's offset is the later one (between two instants with different offsets).</summary>
    private static DateTimeOffset Transition(TimeZoneInfo zone, DateTimeOffset early, DateTimeOffset late)
    {
        var after = zone.GetUtcOffset(late);
        var (lo, hi) = (early.ToUnixTimeSeconds(), late.ToUnixTimeSeconds());
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (zone.GetUtcOffset(DateTimeOffset.FromUnixTimeSeconds(mid)) == after)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return DateTimeOffset.FromUnixTimeSeconds(hi);
    }

    private static string Times(List<DateTime> walls)
    {
        var shown = walls.Take(TimesListed).Select(Offsets.Clock).ToList();
        if (walls.Count > TimesListed)
        {
            return $"{string.Join(", ", shown)} and {walls.Count - TimesListed} more times";
        }

        return shown.Count == 1 ? shown[0] : $"{string.Join(", ", shown.Take(shown.Count - 1))} and {shown[^1]}";
    }

    private static DateTime AsUtc(DateTime wall) => DateTime.SpecifyKind(wall, DateTimeKind.Utc);
}
