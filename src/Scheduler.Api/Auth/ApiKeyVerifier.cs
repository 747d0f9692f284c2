using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Scheduler.Api.Auth;

/// <summary>Checks a presented key against the configured ones in constant time: both sides are hashed with SHA-256 and
/// compared with <see cref="CryptographicOperations.FixedTimeEquals"/>, every key is compared, and nothing short-circuits.</summary>
public sealed class ApiKeyVerifier(IOptionsMonitor<ApiKeyOptions> options)
{
    public const string HeaderName = "X-Api-Key";
    private const string BearerPrefix = "Bearer ";

    public bool IsValid(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> known = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), given);
        var match = false;
        foreach (var key in options.CurrentValue.Keys)
        {
            if (string.IsNullOrEmpty(key))
            {
                continue;
            }

            SHA256.HashData(Encoding.UTF8.GetBytes(key), known);
            match |= CryptographicOperations.FixedTimeEquals(given, known);
        }

        return match;
    }

    /// <summary>The key from <c>X-Api-Key</c>, else from <c>Authorization: Bearer</c>.</summary>
    public static string? Presented(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderName].ToString();
        if (header.Length > 0)
        {
            return header;
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? authorization[BearerPrefix.Length..].Trim() : null;
    }
}
