using System.Globalization;

namespace Scheduler.Cli.Commands;

/// <summary>Durations on the command line, written the way people write them.</summary>
public static class Durations
{
    /// <summary>'30s', '5m', '1h30m', '2d', '250ms' or a TimeSpan ('00:05:00') as the API's TimeSpan text.</summary>
    public static string? Parse(string? text, string flag)
    {
        if (text is null)
        {
            return null;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var exact) && text.Contains(':', StringComparison.Ordinal))
        {
            return exact.ToString("c", CultureInfo.InvariantCulture);
        }

        var total = TimeSpan.Zero;
        var rest = text.Trim();
        while (rest.Length > 0)
        {
            var digits = rest.TakeWhile(c => char.IsDigit(c) || c == '.').Count();
            var unit = new string(rest[digits..].TakeWhile(char.IsLetter).ToArray());
            if (digits == 0 || !double.TryParse(rest[..digits], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new UsageException($"{flag} '{text}' is not a duration; write e.g. 30s, 5m, 1h30m or 00:05:00.");
            }

            total += unit switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                "d" => TimeSpan.FromDays(value),
                _ => throw new UsageException($"{flag} '{text}' has an unknown unit '{unit}'; use ms, s, m, h or d."),
            };
            rest = rest[(digits + unit.Length)..].TrimStart();
        }

        return total.ToString("c", CultureInfo.InvariantCulture);
    }
}
