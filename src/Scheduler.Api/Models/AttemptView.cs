using Scheduler.Core.Runs;

namespace Scheduler.Api.Models;

/// <summary>One attempt of a run, with what the target reported (per-command results for SSH and command targets).</summary>
public sealed record AttemptView(
    int Number,
    DateTimeOffset StartedUtc,
    DateTimeOffset FinishedUtc,
    double DurationMs,
    AttemptStatus Status,
    bool Retryable,
    TimeSpan? RetryAfter,
    int? StatusCode,
    int? ExitCode,
    string? Error,
    string? RequestExcerpt,
    string? ResponseExcerpt,
    IReadOnlyList<string> Log,
    IReadOnlyList<CommandResult> Commands)
{
    public static AttemptView From(AttemptRecord attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var result = attempt.Result;
        return new(attempt.Number, attempt.StartedUtc, attempt.FinishedUtc, attempt.Duration.TotalMilliseconds, result.Status, result.Retryable,
            result.RetryAfter, result.StatusCode, result.ExitCode, result.Error, result.RequestExcerpt, result.ResponseExcerpt, result.Log, result.Commands);
    }
}
