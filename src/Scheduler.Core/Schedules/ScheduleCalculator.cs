namespace Scheduler.Core.Schedules;

/// <summary>Computes occurrences of a schedule, honouring its start/end bounds and occurrence limit.</summary>
public static class ScheduleCalculator
{
    /// <summary>The first occurrence of a new (or rescheduled) job, or null when it has none.</summary>
    public static DateTimeOffset? First(ScheduleSpec spec, DateTimeOffset createdUtc, DateTimeOffset nowUtc)
    {
        var from = spec.StartUtc is { } start && start > nowUtc ? start : nowUtc;
        var first = spec.Kind switch
        {
            ScheduleKind.Once => spec.At ?? createdUtc + (spec.Delay ?? TimeSpan.Zero),
            ScheduleKind.Cron => Cron(spec).Next(from, inclusive: true),
            ScheduleKind.Interval => NextInterval(spec, createdUtc, from, inclusive: true),
            ScheduleKind.None => null,
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "Unknown schedule kind."),
        };
        return WithinBounds(spec, first, occurrencesSoFar: 0);
    }

    /// <summary>The occurrence strictly after <paramref name="afterUtc"/>, or null when the schedule is exhausted.</summary>
    public static DateTimeOffset? Next(ScheduleSpec spec, DateTimeOffset createdUtc, DateTimeOffset afterUtc, int occurrencesSoFar)
    {
        var next = spec.Kind switch
        {
            ScheduleKind.Once => null,
            ScheduleKind.Cron => spec.StartUtc is { } start && start > afterUtc ? Cron(spec).Next(start, inclusive: true) : Cron(spec).Next(afterUtc, inclusive: false),
            ScheduleKind.Interval => NextInterval(spec, createdUtc, afterUtc, inclusive: false),
            ScheduleKind.None => null,
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "Unknown schedule kind."),
        };
        return WithinBounds(spec, next, occurrencesSoFar);
    }

    /// <summary>The next occurrence of a resumed job: a once job that has not run yet runs at its time (or now); others resume from now.</summary>
    public static DateTimeOffset? Resume(ScheduleSpec spec, DateTimeOffset createdUtc, DateTimeOffset nowUtc, int occurrencesSoFar) =>
        spec.Kind == ScheduleKind.Once
            ? (occurrencesSoFar == 0 ? First(spec, createdUtc, nowUtc) : null)
            : Next(spec, createdUtc, nowUtc - TimeSpan.FromTicks(1), occurrencesSoFar);

    /// <summary>The next <paramref name="count"/> occurrences from <paramref name="fromUtc"/> (for previews).</summary>
    public static IReadOnlyList<DateTimeOffset> Preview(ScheduleSpec spec, DateTimeOffset fromUtc, int count)
    {
        var result = new List<DateTimeOffset>(count);
        var next = First(spec, fromUtc, fromUtc);
        while (next is { } due && result.Count < count)
        {
            result.Add(due);
            next = Next(spec, fromUtc, due, result.Count);
        }

        return result;
    }

    /// <summary>The next <paramref name="count"/> occurrences with their local time and any daylight-saving note: the same
    /// instants as <see cref="Preview"/>, which are those the sweep runs.</summary>
    public static IReadOnlyList<ScheduledOccurrence> Describe(ScheduleSpec spec, DateTimeOffset fromUtc, int count)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var instants = Preview(spec, fromUtc, count);
        if (spec.Kind != ScheduleKind.Cron)
        {
            return instants.Select(utc => new ScheduledOccurrence(utc, utc.ToUniversalTime(), null, null)).ToList();
        }

        var cron = Cron(spec);
        return instants.Select(cron.Describe).ToList();
    }

    private static DateTimeOffset? WithinBounds(ScheduleSpec spec, DateTimeOffset? due, int occurrencesSoFar)
    {
        if (due is null || (spec.EndUtc is { } end && due > end))
        {
            return null;
        }

        return spec.MaxOccurrences is { } max && occurrencesSoFar >= max ? null : due;
    }

    private static DateTimeOffset? NextInterval(ScheduleSpec spec, DateTimeOffset createdUtc, DateTimeOffset fromUtc, bool inclusive)
    {
        var interval = spec.Interval ?? throw new ArgumentException("An interval schedule needs an interval.", nameof(spec));
        var anchor = spec.StartUtc ?? createdUtc;
        if (fromUtc < anchor || (inclusive && fromUtc == anchor))
        {
            return anchor;
        }

        var periods = (fromUtc - anchor).Ticks / interval.Ticks;
        var candidate = anchor + TimeSpan.FromTicks(periods * interval.Ticks);
        return candidate < fromUtc || (!inclusive && candidate == fromUtc) ? candidate + interval : candidate;
    }

    private static CronSchedule Cron(ScheduleSpec spec) =>
        CronSchedule.TryParse(spec.Cron, spec.TimeZone, out var schedule, out var cronError, out var zoneError)
            ? schedule!
            : throw new ArgumentException(cronError ?? zoneError, nameof(spec));
}
