using System.Net.Http.Headers;
using Scheduler.Core.Runs;
using Scheduler.Core.Targets;

namespace Scheduler.Targets.Http;

/// <summary>Classifies a response: success by the target's codes (2xx when none), retryable for 5xx, 408 and 429.</summary>
internal static class HttpOutcome
{
    public static AttemptResult From(HttpTargetSpec spec, HttpResponseMessage response, string? body, TimeProvider time)
    {
        var code = (int)response.StatusCode;
        var codes = spec.SuccessCodes ?? [];
        var succeeded = codes.Count > 0 ? codes.Contains(code) : code is >= 200 and <= 299;
        if (succeeded)
        {
            return new AttemptResult { Status = AttemptStatus.Succeeded, StatusCode = code, ResponseExcerpt = body };
        }

        var retryable = AttemptResult.RetryableStatus(code);
        var error = $"HTTP {code} {response.ReasonPhrase}".TrimEnd();
        if (code is >= 300 and <= 399 && response.Headers.Location is { } location)
        {
            error += $" (redirect to {RequestExcerpt.MaskUrl(location.ToString())} not followed)";
        }

        return new AttemptResult
        {
            Status = AttemptStatus.Failed,
            Retryable = retryable,
            RetryAfter = retryable ? RetryAfter(response.Headers.RetryAfter, time) : null,
            StatusCode = code,
            Error = error,
            ResponseExcerpt = body,
        };
    }

    /// <summary>Retry-After as delta-seconds or an HTTP date; a date in the past means "now".</summary>
    public static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider time)
    {
        var delay = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
