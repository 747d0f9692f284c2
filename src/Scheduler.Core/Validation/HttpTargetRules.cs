using System.Text.RegularExpressions;
using Scheduler.Core.Targets;

namespace Scheduler.Core.Validation;

/// <summary>Checks the shape of an HTTP target: URL, method, headers, secret references, <c>auth</c>, and that no credential is
/// written in the clear (<see cref="CredentialNames"/>). Whether a referenced secret exists is the Targets validator's to say.</summary>
public static partial class HttpTargetRules
{
    private static readonly HashSet<string> Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "Idempotency-Key", "X-Scheduler-Attempt", "X-Scheduler-Signature", "X-Scheduler-Run-Id",
    };

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderName();

    [GeneratedRegex("^[0-9A-Za-z._~-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex QueryName();

    /// <summary>A Key Vault secret name, so that a job moves between the Server (configuration) and Azure (Key Vault) unchanged.</summary>
    [GeneratedRegex("^[0-9A-Za-z-]{1,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex SecretReference();

    public static void Check(HttpTargetSpec http, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(errors);
        var urlOk = Uri.TryCreate(http.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && string.IsNullOrEmpty(uri.UserInfo);
        errors.Require(urlOk, "target.url", "The URL must be an absolute http or https URL without credentials.");
        errors.Require(http.Method is not null && Methods.Contains(http.Method), "target.method", "The method must be one of GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS.");
        errors.Require(http.Body is null || http.Body.Length <= Limits.MaxBodyChars, "target.body", "The body is at most 16 KiB.");
        errors.Require(http.SuccessCodes is null || http.SuccessCodes.All(c => c is >= 100 and <= 599), "target.successCodes", "Success codes are HTTP status codes (100-599).");
        var headers = http.Headers ?? new Dictionary<string, string>();
        var secretHeaders = http.SecretHeaders ?? new Dictionary<string, string>();
        var secretQuery = http.SecretQuery ?? new Dictionary<string, string>();
        var query = urlOk ? QueryParameters.Parse(uri!.Query) : [];
        errors.Require(headers.Count + secretHeaders.Count <= Limits.MaxHeaders, "target.headers", "At most 32 headers, literal and secret together.");
        CheckLiteralHeaders(headers, errors);
        CheckSecretHeaders(secretHeaders, headers, errors);
        CheckQuery(query, secretQuery, errors);
        CheckAuth(http.Auth, headers, secretHeaders, errors);
        CheckVisible(http.VisibleInExcerpts ?? [], secretHeaders, secretQuery, errors);
    }

    private static void CheckLiteralHeaders(IReadOnlyDictionary<string, string> headers, ValidationErrors errors)
    {
        foreach (var (name, value) in headers)
        {
            var field = $"target.headers.{name}";
            CheckHeaderName(name, field, errors);
            errors.Require(value is not null && value.Length <= 4096 && !value.Any(char.IsControl), field, "A header value is at most 4096 characters with no control characters (CR, LF...).");
            errors.Require(!CredentialNames.IsCredentialHeader(name), field, ByReference("secretHeaders", name));
        }
    }

    private static void CheckSecretHeaders(IReadOnlyDictionary<string, string> secretHeaders, IReadOnlyDictionary<string, string> headers, ValidationErrors errors)
    {
        foreach (var (name, reference) in secretHeaders)
        {
            var field = $"target.secretHeaders.{name}";
            CheckHeaderName(name, field, errors);
            errors.Require(!headers.Keys.Any(h => h.Equals(name, StringComparison.OrdinalIgnoreCase)), field, "This header is also in 'target.headers': give it in one of the two.");
            CheckReference(reference, field, errors);
        }
    }

    private static void CheckQuery(IReadOnlyList<(string Name, string Value)> query, IReadOnlyDictionary<string, string> secretQuery, ValidationErrors errors)
    {
        foreach (var (name, _) in query.Where(p => CredentialNames.IsCredentialQueryParameter(p.Name)).DistinctBy(p => p.Name))
        {
            errors.Add("target.url", $"The query parameter '{name}' carries a credential. " + ByReference("secretQuery", name));
        }

        errors.Require(secretQuery.Count <= Limits.MaxHeaders, "target.secretQuery", "At most 32 secret query parameters.");
        foreach (var (name, reference) in secretQuery)
        {
            var field = $"target.secretQuery.{name}";
            errors.Require(QueryName().IsMatch(name), field, "A query parameter name has 1-100 letters, digits or '.', '_', '~', '-'.");
            errors.Require(!query.Any(p => p.Name == name), field, "This parameter is also in the URL's query: give it in one of the two.");
            CheckReference(reference, field, errors);
        }
    }

    private static void CheckAuth(HttpAuthSpec? auth, IReadOnlyDictionary<string, string> headers, IReadOnlyDictionary<string, string> secretHeaders, ValidationErrors errors)
    {
        if (auth is null)
        {
            return;
        }

        errors.Require(auth.Type == HttpAuthSpec.ManagedIdentity, "target.auth.type", $"The only auth type is '{HttpAuthSpec.ManagedIdentity}' (a bearer token from the host's managed identity).");
        errors.Require(auth.Audience is { Length: > 0 and <= 400 } audience && !audience.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)), "target.auth.audience",
            "The audience is the protected API's application ID URI or client id (e.g. api://orders), at most 400 characters without spaces.");
        errors.Require(!headers.Concat(secretHeaders).Any(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)), "target.auth",
            "'auth' sets the Authorization header: remove Authorization from the headers.");
    }

    private static void CheckVisible(IReadOnlyList<string> visible, IReadOnlyDictionary<string, string> secretHeaders, IReadOnlyDictionary<string, string> secretQuery, ValidationErrors errors)
    {
        errors.Require(visible.Count <= Limits.MaxHeaders * 2, "target.visibleInExcerpts", "At most 64 names.");
        for (var i = 0; i < visible.Count; i++)
        {
            var name = visible[i];
            var secret = name is null || CredentialNames.IsCredentialHeader(name) || CredentialNames.IsCredentialQueryParameter(name)
                || secretHeaders.Keys.Concat(secretQuery.Keys).Any(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
            errors.Require(!secret, $"target.visibleInExcerpts[{i}]", "A credential or secret is never shown: name only headers and query parameters that are safe to read.");
        }
    }

    private static void CheckHeaderName(string name, string field, ValidationErrors errors)
    {
        errors.Require(HeaderName().IsMatch(name), field, "A header name is a token of letters, digits and !#$%&'*+.^_`|~-.");
        errors.Require(!ReservedHeaders.Contains(name), field, "This header is set by the scheduler and cannot be overridden.");
    }

    private static string ByReference(string map, string name) =>
        $"Credentials go by reference: store the value as a secret and name the secret in 'target.{map}.{name}' (or use 'auth' for an Entra ID token).";

    private static void CheckReference(string reference, string field, ValidationErrors errors) =>
        errors.Require(reference is not null && SecretReference().IsMatch(reference), field,
            "A secret reference is the name of a secret (1-127 letters, digits or hyphens), never its value.");
}
