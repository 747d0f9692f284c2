namespace Scheduler.Core.Validation;

/// <summary>The one place that decides which header and query parameter names carry credentials: such a name never takes a
/// literal value in a job (it goes by secret reference) and its value is never shown in an attempt's excerpt.</summary>
public static class CredentialNames
{
    private static readonly HashSet<string> Headers = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Proxy-Authorization", "Cookie" };

    // "code" is an Azure Function key, "sig" a SAS signature.
    private static readonly HashSet<string> QueryParameters = new(StringComparer.OrdinalIgnoreCase) { "code", "sig", "signature", "auth" };

    private static readonly string[] Suffixes = ["key", "token", "secret", "password", "apikey"];

    /// <summary>Authorization, Proxy-Authorization, Cookie, or a name ending in Key, Token, Secret or Password (<c>X-Functions-Key</c>, <c>Ocp-Apim-Subscription-Key</c>...).</summary>
    public static bool IsCredentialHeader(string name) =>
        !string.IsNullOrEmpty(name) && (Headers.Contains(name) || EndsWithSuffix(name));

    /// <summary>code, sig, signature, auth, or a name ending in key, token, secret or password (<c>api_key</c>, <c>access_token</c>...).</summary>
    public static bool IsCredentialQueryParameter(string name) =>
        !string.IsNullOrEmpty(name) && (QueryParameters.Contains(name) || EndsWithSuffix(name));

    private static bool EndsWithSuffix(string name) =>
        Suffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
}
