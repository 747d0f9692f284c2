using System.Text.RegularExpressions;
using Scheduler.Core.Targets;

namespace Scheduler.Core.Validation;

/// <summary>Checks the shape of HTTP and queue targets; other kinds are checked by their own validators.</summary>
public static partial class TargetRules
{
    private static readonly HashSet<string> Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "Idempotency-Key", "X-Scheduler-Attempt", "X-Scheduler-Signature", "X-Scheduler-Run-Id",
    };

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderName();

    [GeneratedRegex("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueName();

    public static void Check(TargetSpec? target, ValidationErrors errors)
    {
        switch (target)
        {
            case null:
                errors.Add("target", "A target is required.");
                break;
            case HttpTargetSpec http:
                CheckHttp(http, errors);
                break;
            case QueueTargetSpec queue:
                errors.Require(queue.QueueName is not null && QueueName().IsMatch(queue.QueueName), "target.queueName", "A queue name has 3-63 lowercase letters, digits or single hyphens.");
                errors.Require(queue.Message is not null && System.Text.Encoding.UTF8.GetByteCount(queue.Message) <= Limits.MaxQueueMessageBytes, "target.message", "The message is required and at most 48 KiB of UTF-8 (64 KiB once base64-encoded on the queue).");
                break;
        }
    }

    private static void CheckHttp(HttpTargetSpec http, ValidationErrors errors)
    {
        var urlOk = Uri.TryCreate(http.Url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && string.IsNullOrEmpty(uri.UserInfo);
        errors.Require(urlOk, "target.url", "The URL must be an absolute http or https URL without credentials.");
        errors.Require(http.Method is not null && Methods.Contains(http.Method), "target.method", "The method must be one of GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS.");
        errors.Require(http.Body is null || http.Body.Length <= Limits.MaxBodyChars, "target.body", "The body is at most 16 KiB.");
        errors.Require(http.SuccessCodes is null || http.SuccessCodes.All(c => c is >= 100 and <= 599), "target.successCodes", "Success codes are HTTP status codes (100-599).");
        var headers = http.Headers ?? new Dictionary<string, string>();
        errors.Require(headers.Count <= Limits.MaxHeaders, "target.headers", "At most 32 headers.");
        foreach (var (name, value) in headers)
        {
            var field = $"target.headers.{name}";
            errors.Require(HeaderName().IsMatch(name), field, "A header name is a token of letters, digits and !#$%&'*+.^_`|~-.");
            errors.Require(!ReservedHeaders.Contains(name), field, "This header is set by the scheduler and cannot be overridden.");
            errors.Require(value is not null && value.Length <= 4096 && !value.Any(char.IsControl), field, "A header value is at most 4096 characters with no control characters (CR, LF...).");
        }
    }
}
