namespace Scheduler.Core.Schedules;

/// <summary>When a job runs: once (at a time or after a delay), on a cron expression in a time zone, or at a fixed interval.</summary>
public sealed record ScheduleSpec
{
    public required ScheduleKind Kind { get; init; }
    /// <summary>Once: the instant to run at.</summary>
    public DateTimeOffset? At { get; init; }
    /// <summary>Once: run this long after the job is created (resolved to <see cref="At"/> on create).</summary>
    public TimeSpan? Delay { get; init; }
    /// <summary>Cron: 5 fields (minute precision) or 6 fields (seconds first).</summary>
    public string? Cron { get; init; }
    /// <summary>Cron: IANA time zone id; UTC when empty.</summary>
    public string? TimeZone { get; init; }
    /// <summary>Interval: the period between occurrences, anchored at <see cref="StartUtc"/> or the creation time.</summary>
    public TimeSpan? Interval { get; init; }
    public DateTimeOffset? StartUtc { get; init; }
    public DateTimeOffset? EndUtc { get; init; }
    public int? MaxOccurrences { get; init; }
}
