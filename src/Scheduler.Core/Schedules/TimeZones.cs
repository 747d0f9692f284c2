namespace Scheduler.Core.Schedules;

/// <summary>Resolves IANA time zone ids (UTC when empty).</summary>
public static class TimeZones
{
    public static TimeZoneInfo? TryFind(string? id, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            error = $"Unknown time zone '{id}'; use an IANA id such as 'Europe/Paris' or 'UTC'.";
            return null;
        }
    }
}
