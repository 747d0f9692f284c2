using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Validation;

namespace Scheduler.Api.Http;

/// <summary>Reads the filters of the runs listing across jobs: <c>status</c>, <c>since</c> and <c>until</c> (ISO 8601
/// instants; the last hour by default; at most <see cref="MaxWindow"/> apart), <c>limit</c> and <c>continuation</c>.</summary>
public static class RunListQuery
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    public static RunQuery? From(HttpRequest request, DateTimeOffset now, out ValidationProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var (limit, continuation) = ListQuery.Paging(request, errors);
        var query = request.Query;
        RunStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } statusText)
        {
            var known = Enum.TryParse<RunStatus>(statusText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(statusText, out _);
            errors.Require(known, "status", $"The status is one of {string.Join(", ", Enum.GetNames<RunStatus>())}.");
            status = known ? parsed : null;
        }

        var until = Instant(query["until"].ToString(), "until", errors) ?? now.AddMinutes(1);
        var since = Instant(query["since"].ToString(), "since", errors) ?? (until < now ? until : now) - DefaultWindow;
        if (errors.IsValid)
        {
            errors.Require(since < until, "since", "since is before until.");
            errors.Require(until - since <= MaxWindow, "since", $"since and until are at most {MaxWindow.TotalDays:0} days apart; list a longer period page by window.");
        }

        problem = errors.IsValid ? null : Problems.Invalid(errors);
        return errors.IsValid ? new RunQuery { SinceUtc = since, UntilUtc = until, Status = status, Limit = limit, Continuation = continuation } : null;
    }

    internal static DateTimeOffset? Instant(string text, string field, ValidationErrors errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value);
        errors.Require(ok, field, $"{field} is an ISO 8601 instant, for example 2026-03-01T09:00:00Z.");
        return ok ? value : null;
    }
}
