namespace Scheduler.Core.Runs;

/// <summary>What a target reported for one attempt.</summary>
public sealed record AttemptResult
{
    public required AttemptStatus Status { get; init; }
    /// <summary>Whether a failed attempt may be retried (5xx, 408, 429, timeouts, connection errors...).</summary>
    public bool Retryable { get; init; }
    /// <summary>A delay the target asked for before the next attempt (Retry-After).</summary>
    public TimeSpan? RetryAfter { get; init; }
    public int? StatusCode { get; init; }
    public int? ExitCode { get; init; }
    public string? Error { get; init; }
    public string? RequestExcerpt { get; init; }
    public string? ResponseExcerpt { get; init; }
    public IReadOnlyList<string> Log { get; init; } = [];
    public IReadOnlyList<CommandResult> Commands { get; init; } = [];

    public static AttemptResult Success(string? response = null) =>
        new() { Status = AttemptStatus.Succeeded, ResponseExcerpt = response };

    /// <summary>The attempt was interrupted because its run was canceled; nothing follows it.</summary>
    public static AttemptResult CanceledAfter(TimeSpan elapsed) =>
        new() { Status = AttemptStatus.Canceled, Error = $"Canceled on request after {elapsed.TotalSeconds:0.0} s; the attempt was interrupted." };

    /// <summary>The attempt ran out of its time: retryable, and said the same way by every target and by the backstop that
    /// catches a target that does not stop in time. <paramref name="detail"/> adds what the target did about it.</summary>
    public static AttemptResult TimedOutAfter(TimeSpan limit, string? detail = null) =>
        new() { Status = AttemptStatus.TimedOut, Retryable = true, Error = $"timed out after {limit.TotalSeconds:0.###} s{(detail is null ? "" : "; " + detail)}" };

    /// <summary>Whether a failed call answered with <paramref name="statusCode"/> may succeed if tried again: a server error,
    /// 408 (request timeout), 429 (too many requests), or 0 (no answer: the connection failed).</summary>
    public static bool RetryableStatus(int statusCode) => statusCode is 0 or 408 or 429 or >= 500;

    public static AttemptResult Failure(string error, bool retryable) =>
        new() { Status = AttemptStatus.Failed, Error = error, Retryable = retryable };
}
