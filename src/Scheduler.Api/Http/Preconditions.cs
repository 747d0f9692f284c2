using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Scheduler.Api.Http;

/// <summary>Reads <c>If-Match</c>: the stored ETag is passed through verbatim, so clients send back exactly what they got.</summary>
public static class Preconditions
{
    /// <summary>The If-Match value, or null when absent or <c>*</c> (both mean: whatever the current version is).</summary>
    public static string? IfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers[HeaderNames.IfMatch].ToString().Trim();
        return value.Length == 0 || value == "*" ? null : value;
    }
}
