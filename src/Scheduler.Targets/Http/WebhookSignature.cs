using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Scheduler.Targets.Http;

/// <summary>The <c>X-Scheduler-Signature</c> value: <c>t={unix},v1={hex HMAC-SHA256(secret, t + "." + body)}</c>.</summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Scheduler-Signature";

    public static string Create(string secret, long unixSeconds, string? body)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
