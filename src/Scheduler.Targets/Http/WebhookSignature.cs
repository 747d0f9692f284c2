using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Scheduler.Targets.Http;

/// <summary>The <c>X-Scheduler-Signature</c> value: <c>t={unix},v1={hex HMAC-SHA256(secret, t + "." + body)}</c>; the one place that
/// signs webhooks, those of HTTP targets and job alerts alike, under <see cref="HttpTargetOptions.SigningSecret"/>.</summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Scheduler-Signature";

    public static string Create(string secret, long unixSeconds, string? body)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>Adds the signature of <paramref name="body"/> to <paramref name="request"/> when a secret is set (unsigned otherwise).</summary>
    public static void Sign(HttpRequestMessage request, string? secret, TimeProvider time, string? body)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        if (!string.IsNullOrEmpty(secret))
        {
            request.Headers.Remove(HeaderName);
            request.Headers.TryAddWithoutValidation(HeaderName, Create(secret, time.GetUtcNow().ToUnixTimeSeconds(), body));
        }
    }
}
