using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Scheduler.Api.Http;

/// <summary>Reads JSON bodies by hand rather than through minimal-API binding, so that every failure (size, media type,
/// syntax, types, unknown fields) becomes the API's own ProblemDetails, and so that the Functions host reuses it as is.</summary>
public static class JsonBody
{
    /// <summary>256 KiB: far above any valid definition (30,000 characters), small enough to refuse floods early.</summary>
    public const int MaxBytes = 256 * 1024;

    public static async Task<BodyRead<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return BodyRead<T>.Fail(Problems.UnsupportedMediaType(request.ContentType));
        }

        if (request.ContentLength > MaxBytes)
        {
            return BodyRead<T>.Fail(Problems.TooLarge(MaxBytes));
        }

        var bytes = await ReadBoundedAsync(request.Body, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return BodyRead<T>.Fail(Problems.TooLarge(MaxBytes));
        }

        return Parse<T>(bytes);
    }

    internal static BodyRead<T> Parse<T>(ReadOnlyMemory<byte> bytes)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes.Span, ApiJson.Requests);
            return value is null
                ? BodyRead<T>.Fail(Problems.Refused(Problems.Invalid("", "A JSON object is required, not null.")))
                : BodyRead<T>.Ok(value);
        }
        catch (JsonException ex)
        {
            var extensions = new Dictionary<string, object?> { [ProblemMembers.JsonPath] = ex.Path ?? "$" };
            if (ex.LineNumber is { } line && ex.BytePositionInLine is { } position)
            {
                extensions[ProblemMembers.Line] = line;
                extensions[ProblemMembers.BytePositionInLine] = position;
            }

            return BodyRead<T>.Fail(Problems.Refused(Problems.Invalid(JsonErrors.From(ex), extensions)));
        }
        catch (NotSupportedException ex)
        {
            return BodyRead<T>.Fail(Problems.Refused(Problems.Invalid(JsonErrors.From(ex))));
        }
    }

    /// <summary>application/json or any application/*+json, in UTF-8 when a charset is given.</summary>
    public static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return false;
        }

        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = media.Charset.Value;
        return json && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The body, or null when it is longer than <see cref="MaxBytes"/> (reading stops there).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
