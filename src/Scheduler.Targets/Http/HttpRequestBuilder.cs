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

    public static HttpRequestMessage Build(HttpTargetSpec spec, AttemptInvocation invocation, string? signingSecret, TimeProvider time)
    {
        var request = new HttpRequestMessage(new HttpMethod(spec.Method), spec.Url);
        if (spec.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(spec.Body));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        foreach (var (name, value) in spec.Headers ?? new Dictionary<string, string>())
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

        Set(request, IdempotencyKey, invocation.RunId);
        Set(request, RunIdHeader, invocation.RunId);
        Set(request, AttemptHeader, invocation.Attempt.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(signingSecret))
        {
            Set(request, WebhookSignature.HeaderName, WebhookSignature.Create(signingSecret, time.GetUtcNow().ToUnixTimeSeconds(), spec.Body));
        }

        return request;
    }

    public static string Excerpt(HttpTargetSpec spec)
    {
        var line = $"{spec.Method} {spec.Url}";
        return spec.Body is null ? line : $"{line}\n\n{Excerpts.Head(spec.Body, Excerpts.RequestBodyChars)}";
    }

    private static void Set(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }
}
