using System.Globalization;
using Spectre.Console;

namespace Scheduler.Cli.Output;

/// <summary>Formats times, durations and statuses for tables (markup-escaped, colored by outcome).</summary>
public static class Display
{
    /// <summary>UTC ("2030-01-01 08:00:00Z"), in <paramref name="zone"/>, or with the offset it came with (<paramref name="keepOffset"/>).</summary>
    public static string Time(DateTimeOffset? value, TimeZoneInfo? zone = null, bool keepOffset = false)
    {
        if (value is not { } t)
        {
            return "-";
        }

        if (keepOffset)
        {
            return t.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
        }

        var shown = zone is null ? t.ToUniversalTime() : TimeZoneInfo.ConvertTime(t, zone);
        return shown.ToString(zone is null ? "yyyy-MM-dd HH:mm:ss'Z'" : "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
    }

    /// <summary>"in 4m", "12s ago".</summary>
    public static string Relative(DateTimeOffset? value, DateTimeOffset now)
    {
        if (value is not { } t)
        {
            return "";
        }

        var delta = t - now;
        var text = Duration(Math.Abs(delta.TotalMilliseconds), compact: true);
        return delta >= TimeSpan.Zero ? $"in {text}" : $"{text} ago";
    }

    public static string Duration(double? milliseconds, bool compact = false)
    {
        if (milliseconds is not { } ms)
        {
            return "-";
        }

        var span = TimeSpan.FromMilliseconds(ms);
        return ms switch
        {
            < 1000 => string.Create(CultureInfo.InvariantCulture, $"{ms:0}ms"),
            < 60_000 => compact ? string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0}s") : string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.##}s"),
            < 3_600_000 => compact ? $"{(int)span.TotalMinutes}m" : $"{(int)span.TotalMinutes}m{span.Seconds}s",
            < 86_400_000 => $"{(int)span.TotalHours}h{span.Minutes}m",
            _ => $"{(int)span.TotalDays}d{span.Hours}h",
        };
    }

    /// <summary>A status as colored markup.</summary>
    public static string Status(string? status)
    {
        var text = Markup.Escape(status ?? "-");
        return status switch
        {
            "Active" or "Succeeded" => $"[green]{text}[/]",
            "Paused" or "Retrying" => $"[yellow]{text}[/]",
            "Failed" or "TimedOut" => $"[red]{text}[/]",
            "Running" => $"[blue]{text}[/]",
            _ => $"[grey]{text}[/]",
        };
    }

    public static string Escape(string? text, string fallback = "-") => Markup.Escape(string.IsNullOrEmpty(text) ? fallback : text);

    /// <summary>The zone of an IANA id, or null when this machine does not know it.</summary>
    public static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    public static string Truncate(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= max ? oneLine : string.Concat(oneLine.AsSpan(0, max - 1), "…");
    }
}
