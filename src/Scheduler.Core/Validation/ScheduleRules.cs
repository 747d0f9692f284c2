using Scheduler.Core.Schedules;

namespace Scheduler.Core.Validation;

/// <summary>Checks a schedule; field paths start at <c>schedule</c>.</summary>
public static class ScheduleRules
{
    public static void Check(ScheduleSpec? spec, ValidationErrors errors)
    {
        if (spec is null)
        {
            errors.Add("schedule", "A schedule is required.");
            return;
        }

        switch (spec.Kind)
        {
            case ScheduleKind.Once:
                errors.Require(spec.At.HasValue ^ spec.Delay.HasValue, "schedule.at", "A once schedule needs exactly one of 'at' or 'delay'.");
                errors.Require(spec.Delay is not { } d || (d >= TimeSpan.Zero && d <= Limits.MaxDelay), "schedule.delay", "The delay must be between 0 and 366 days.");
                break;
            case ScheduleKind.Cron:
                if (!CronSchedule.TryParse(spec.Cron, spec.TimeZone, out _, out var cronError, out var zoneError))
                {
                    if (cronError is not null)
                    {
                        errors.Add("schedule.cron", cronError);
                    }

                    if (zoneError is not null)
                    {
                        errors.Add("schedule.timeZone", zoneError);
                    }
                }

                break;
            case ScheduleKind.Interval:
                errors.Require(spec.Interval is { } i && i >= Limits.MinInterval && i <= Limits.MaxDelay, "schedule.interval", "The interval must be between 1 second and 366 days.");
                break;
            case ScheduleKind.None:
                break;
            default:
                errors.Add("schedule.kind", "The schedule kind must be Once, Cron, Interval or None (runs only after its parents or by hand).");
                return;
        }

        errors.Require(spec.Kind == ScheduleKind.Cron || (spec.Cron is null && spec.TimeZone is null), "schedule.cron", "'cron' and 'timeZone' belong to cron schedules only.");
        errors.Require(spec.Kind == ScheduleKind.Interval || spec.Interval is null, "schedule.interval", "'interval' belongs to interval schedules only.");
        errors.Require(spec.Kind == ScheduleKind.Once || (spec.At is null && spec.Delay is null), "schedule.at", "'at' and 'delay' belong to once schedules only.");
        errors.Require(spec.EndUtc is null || spec.StartUtc is null || spec.EndUtc > spec.StartUtc, "schedule.endUtc", "The end must be after the start.");
        errors.Require(spec.MaxOccurrences is null or >= 1, "schedule.maxOccurrences", "The maximum number of occurrences must be at least 1.");
    }
}
