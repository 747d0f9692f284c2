using System.Buffers.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Validation;

namespace Scheduler.Api.Http;

/// <summary>Reads listing parameters from the query string; a bad one is a 400 naming the parameter.</summary>
public static class ListQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    private const int MaxContinuationLength = 1024;
    private const int MaxTextLength = 200;

    public static JobQuery? ForJobs(HttpRequest request, out ValidationProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var (limit, continuation) = Paging(request, errors);
        var query = request.Query;
        JobStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } statusText)
        {
            var known = Enum.TryParse<JobStatus>(statusText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(statusText, out _);
            errors.Require(known, "status", "The status is one of Active, Paused or Completed.");
            status = known ? parsed : null;
        }

        var tag = Optional(query["tag"].ToString());
        errors.Require(tag is null || Identifiers.IsValidTag(tag), "tag", "A tag has 1-64 letters, digits, '.', '_', ':' or '-'.");
        var lane = Optional(query["lane"].ToString());
        errors.Require(lane is null || Identifiers.IsValidId(lane), "lane", "A lane is a name of 1-64 letters, digits, '.', '_' or '-'.");
        var text = Optional(query["text"].ToString());
        errors.Require(text is null || (text.Length <= MaxTextLength && !text.Any(char.IsControl)), "text", "The text filter is at most 200 characters, without control characters.");
        problem = errors.IsValid ? null : Problems.Invalid(errors);
        return errors.IsValid ? new JobQuery { Status = status, Tag = tag, Lane = lane, Text = text, Limit = limit, Continuation = continuation } : null;
    }

    /// <summary>Reads <c>limit</c> (1-200, default 50) and <c>continuation</c> (an opaque token from a previous page).</summary>
    public static (int Limit, string? Continuation) Paging(HttpRequest request, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var limit = DefaultLimit;
        if (request.Query["limit"].ToString() is { Length: > 0 } limitText)
        {
            var ok = int.TryParse(limitText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit;
            errors.Require(ok, "limit", $"The limit is a whole number from 1 to {MaxLimit}.");
        }

        var continuation = Optional(request.Query["continuation"].ToString());
        errors.Require(continuation is null || (continuation.Length <= MaxContinuationLength && Base64Url.IsValid(continuation)), "continuation",
            "The continuation is the opaque token returned with the previous page.");
        return (limit, continuation);
    }

    private static string? Optional(string value) => value.Length == 0 ? null : value;
}
