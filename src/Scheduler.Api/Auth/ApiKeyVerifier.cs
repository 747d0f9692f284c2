using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Scheduler.Api.Auth;

/// <summary>Finds who holds a presented key in constant time: both sides are hashed with SHA-256 and compared with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, every configured key is compared, and nothing short-circuits.</summary>
public sealed class ApiKeyVerifier(IOptionsMonitor<ApiKeyOptions> options)
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>Where the Functions host reads a function key: this header, else the <c>code</c> query parameter.</summary>
    public const string FunctionKeyHeader = "x-functions-key";
    private const string FunctionKeyQuery = "code";
    private const string BearerPrefix = "Bearer ";

    /// <summary>True when any key is configured (in <c>Keys</c> or <c>NamedKeys</c>).</summary>
    public bool AnyKey => options.CurrentValue.AnyKey;

    /// <summary>The holder of <paramref name="presented"/>, or null when it is none of the configured keys.</summary>
    public ApiCaller? Identify(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        Span<byte> given = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), given);
        var current = options.CurrentValue;
        ApiCaller? found = null;
        for (var i = 0; i < current.Keys.Count; i++)
        {
            if (Matches(given, current.Keys[i]))
            {
                found = new ApiCaller($"key {i}", ApiRole.Admin);
            }
        }

        foreach (var named in current.NamedKeys)
        {
            if (Matches(given, named.Key))
            {
                found = new ApiCaller(named.Name, named.Role);
            }
        }

        return found;
    }

    /// <summary>The key from <c>X-Api-Key</c>, else from <c>Authorization: Bearer</c>; with <paramref name="functionKeys"/>, else the
    /// function key (<c>x-functions-key</c>, else <c>?code=</c>), which only the Functions host, whose own key check came first, reads.</summary>
    public static string? Presented(HttpRequest request, bool functionKeys = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderName].ToString();
        if (header.Length > 0)
        {
            return header;
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return authorization[BearerPrefix.Length..].Trim();
        }

        if (!functionKeys)
        {
            return null;
        }

        var functionKey = request.Headers[FunctionKeyHeader].ToString();
        return functionKey.Length > 0 ? functionKey : request.Query[FunctionKeyQuery].ToString() is { Length: > 0 } code ? code : null;
    }

    private static bool Matches(ReadOnlySpan<byte> given, string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        Span<byte> known = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), known);
        return CryptographicOperations.FixedTimeEquals(given, known);
    }
}
