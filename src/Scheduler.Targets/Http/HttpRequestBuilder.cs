using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Scheduler.Core.Ports;
using Scheduler.Core.Targets;

namespace Scheduler.Targets.Http;

/// <summary>Turns an HTTP target and an attempt into the request to send, with the scheduler's own headers.</summary>
internal static class HttpRequestBuilder
{
    public const string IdempotencyKey = "Idempotency-Key";
    public const string AttemptHeader = "X-Scheduler-Attempt";
    public const string RunIdHeader = "X-Scheduler-Run-Id";

    public static HttpRequestMessage Build(HttpTargetSpec spec, AttemptInvocation invocation, HttpSecrets secrets, string? bearerToken, string? signingSecret, TimeProvider time)
    {
        var request = new HttpRequestMessage(new HttpMethod(spec.Method), WithQuery(spec.Url, secrets.Query));
        if (spec.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(spec.Body));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        foreach (var (name, value) in (spec.Headers ?? new Dictionary<string, string>()).Concat(secrets.Headers))
        {
            if (request.Headers.TryAddWithoutValidation(name, value))
            {
                continue;
            }

            // A content header (Content-Type...) belongs to the body, and means nothing without one.
            if (request.Content is { } content)
            {
                content.Headers.Remove(name);
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        Set(request, IdempotencyKey, invocation.RunId);
        Set(request, RunIdHeader, invocation.RunId);
        Set(request, AttemptHeader, invocation.Attempt.ToString(CultureInfo.InvariantCulture));
        WebhookSignature.Sign(request, signingSecret, time, spec.Body);

        return request;
    }

    private static Uri WithQuery(string url, IReadOnlyDictionary<string, string> parameters)
    {
        if (parameters.Count == 0)
        {
            return new Uri(url);
        }

        var builder = new UriBuilder(url);
        var added = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        builder.Query = builder.Query.Length > 1 ? $"{builder.Query[1..]}&{added}" : added;
        return builder.Uri;
    }

    private static void Set(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }
}
