using Cronos;

namespace Scheduler.Core.Schedules;

/// <summary>A parsed cron expression bound to its time zone.</summary>
public sealed class CronSchedule
{
    private readonly CronExpression expression;
    private readonly TimeZoneInfo zone;

    private CronSchedule(CronExpression expression, TimeZoneInfo zone)
    {
        this.expression = expression;
        this.zone = zone;
    }

    /// <summary>Parses a 5-field or 6-field (seconds first) expression; returns an error message instead of throwing.</summary>
    public static bool TryParse(string? cron, string? timeZone, out CronSchedule? schedule, out string? cronError, out string? zoneError)
    {
        schedule = null;
        cronError = null;
        zoneError = null;
        var zone = TimeZones.TryFind(timeZone, out zoneError);
        CronExpression? expression = null;
        if (string.IsNullOrWhiteSpace(cron))
        {
            cronError = "A cron expression is required.";
        }
        else
        {
            var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (fields is not (5 or 6))
            {
                cronError = $"A cron expression has 5 fields (minute hour day month weekday) or 6 (seconds first); this one has {fields}.";
            }
            else
            {
                try
                {
                    expression = CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
                }
                catch (CronFormatException ex)
                {
                    cronError = ex.Message;
                }
            }
        }

        if (expression is null || zone is null)
        {
            return false;
        }

        schedule = new CronSchedule(expression, zone);
        return true;
    }

    /// <summary>The first occurrence at or after (<paramref name="inclusive"/>) or strictly after <paramref name="fromUtc"/>.</summary>
    /// <remarks>Cronos moves a local time that does not exist (spring forward) to the next valid instant and fires an ambiguous one (fall back) once.</remarks>
    public DateTimeOffset? Next(DateTimeOffset fromUtc, bool inclusive) =>
        expression.GetNextOccurrence(fromUtc.ToUniversalTime(), zone, inclusive)?.ToUniversalTime();

    /// <summary>The occurrence at <paramref name="utc"/> (one this schedule computed) in its zone, with what a daylight-saving
    /// change did to it: a local time that did not exist and ran at the end of the gap, or a repeated local time.</summary>
    public ScheduledOccurrence Describe(DateTimeOffset utc) => DaylightSavingNotes.Describe(expression, zone, utc);
}
