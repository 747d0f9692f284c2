using System.Text;

namespace Scheduler.Targets;

/// <summary>The bounded pieces of requests and responses that an attempt record keeps.</summary>
internal static class Excerpts
{
    public const int ResponseBytes = 4096;
    public const int RequestBodyChars = 1024;
    public const string TruncationMarker = "…[truncated]";

    public static string Head(string text, int maxChars) =>
        text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars), TruncationMarker);

    /// <summary>Reads at most <see cref="ResponseBytes"/> of a stream as UTF-8, marking what was cut.</summary>
    public static async Task<string?> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[ResponseBytes + 1];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        if (filled == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, Math.Min(filled, ResponseBytes));
        return filled > ResponseBytes ? text + TruncationMarker : text;
    }
}
