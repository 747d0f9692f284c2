using System.Globalization;
using System.Text;

namespace Scheduler.Targets;

/// <summary>Keeps the first and the last bytes of an output stream of any length, and counts what falls between.</summary>
internal sealed class HeadTailBuffer(int headBytes = HeadTailBuffer.DefaultBytes, int tailBytes = HeadTailBuffer.DefaultBytes)
{
    public const int DefaultBytes = 4096;

    private readonly byte[] head = new byte[headBytes];
    private readonly byte[] tail = new byte[tailBytes];
    private readonly Lock gate = new();
    private int headCount;
    private int tailCount;

    public long TotalBytes { get; private set; }

    public bool Truncated => TotalBytes > head.Length + tail.Length;

    public void Append(ReadOnlySpan<byte> data)
    {
        lock (gate)
        {
            TotalBytes += data.Length;
            var toHead = Math.Min(data.Length, head.Length - headCount);
            data[..toHead].CopyTo(head.AsSpan(headCount));
            headCount += toHead;
            data = data[toHead..];
            if (data.Length >= tail.Length)
            {
                data[^tail.Length..].CopyTo(tail);
                tailCount = tail.Length;
            }
            else if (data.Length > 0)
            {
                var overflow = Math.Max(0, tailCount + data.Length - tail.Length);
                tail.AsSpan(overflow, tailCount - overflow).CopyTo(tail);
                tailCount -= overflow;
                data.CopyTo(tail.AsSpan(tailCount));
                tailCount += data.Length;
            }
        }
    }

    /// <summary>Drains a stream into the buffer until it ends.</summary>
    public async Task PumpAsync(Stream source, CancellationToken cancellationToken)
    {
        var chunk = new byte[8192];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            Append(chunk.AsSpan(0, read));
        }
    }

    /// <summary>The text kept, as UTF-8, with a marker where bytes were left out; null when nothing was written.</summary>
    public string? ToExcerpt()
    {
        lock (gate)
        {
            if (TotalBytes == 0)
            {
                return null;
            }

            var first = Encoding.UTF8.GetString(head, 0, headCount);
            var last = Encoding.UTF8.GetString(tail, 0, tailCount);
            if (!Truncated)
            {
                return first + last;
            }

            var omitted = TotalBytes - headCount - tailCount;
            return string.Create(CultureInfo.InvariantCulture, $"{first}\n…[truncated: {omitted} bytes omitted]…\n{last}");
        }
    }
}
