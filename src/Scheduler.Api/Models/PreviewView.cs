namespace Scheduler.Api.Models;

/// <summary>The next occurrences of a schedule, each in UTC and in the schedule's time zone.</summary>
public sealed record PreviewView(string TimeZone, IReadOnlyList<Occurrence> Occurrences);
