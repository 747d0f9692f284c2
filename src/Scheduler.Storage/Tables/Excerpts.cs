using Scheduler.Core.Runs;
using Scheduler.Core.Serialization;

namespace Scheduler.Storage.Tables;

/// <summary>Shortens what targets report so that a row stays within Table Storage's limits, however the text escapes in JSON.</summary>
internal static class Excerpts
{
    /// <summary>Free-text run columns (last error, result excerpt).</summary>
    public const int RunColumnChars = 8 * 1024;
    /// <summary>Attempt result JSON: one property, below the 32K-character limit.</summary>
    public const int AttemptJsonChars = 30_000;

    public static string? Cut(string? text, int maxChars)
    {
        if (text is null || text.Length <= maxChars)
        {
            return text;
        }

        // Never split a surrogate pair: half a character is not valid UTF-16 and cannot be serialized.
        var length = maxChars <= 0 ? 0 : char.IsHighSurrogate(text[maxChars - 1]) ? maxChars - 1 : maxChars;
        return string.Concat(text.AsSpan(0, length), "…");
    }

    /// <summary>The attempt result as JSON of at most <see cref="AttemptJsonChars"/>, halving every excerpt until it fits.</summary>
    public static string AttemptJson(AttemptResult result)
    {
        for (var cap = 8192; cap >= 16; cap /= 2)
        {
            var json = SchedulerJson.Serialize(Shorten(result, cap));
            if (json.Length <= AttemptJsonChars)
            {
                return json;
            }
        }

        return SchedulerJson.Serialize(Shorten(result, 0) with { Error = Cut(result.Error, 256) });
    }

    private static AttemptResult Shorten(AttemptResult result, int cap) => result with
    {
        Error = Cut(result.Error, cap),
        RequestExcerpt = Cut(result.RequestExcerpt, cap),
        ResponseExcerpt = Cut(result.ResponseExcerpt, cap),
        Log = [.. result.Log.Take(Math.Max(cap / 64, 1)).Select(line => Cut(line, cap)!)],
        Commands = [.. result.Commands.Take(Math.Max(cap / 256, 1)).Select(c => c with
        {
            Command = Cut(c.Command, cap)!,
            Stdout = Cut(c.Stdout, cap),
            Stderr = Cut(c.Stderr, cap),
            Error = Cut(c.Error, cap),
        })],
    };
}
