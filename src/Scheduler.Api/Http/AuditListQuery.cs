using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Core.Audit;
using Scheduler.Core.Validation;

namespace Scheduler.Api.Http;

/// <summary>Reads the filters of an audit listing: <c>since</c> and <c>until</c> (ISO 8601; the last <see cref="DefaultWindow"/> by
/// default), <c>kind</c>, <c>entity</c> (an entity's id), <c>caller</c> (a key's name), <c>limit</c> and <c>continuation</c>.</summary>
public static class AuditListQuery
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);
    private const int MaxTextLength = 200;

    public static AuditQuery? From(HttpRequest request, string? jobId, DateTimeOffset now, out ValidationProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var (limit, continuation) = ListQuery.Paging(request, errors);
        var query = request.Query;
        var kind = Text(query["kind"].ToString(), "kind", errors);
        errors.Require(kind is null || AuditKinds.All.Contains(kind), "kind", $"The kind is one of {string.Join(", ", AuditKinds.All)}.");
        var entity = Text(query["entity"].ToString(), "entity", errors);
        var caller = Text(query["caller"].ToString(), "caller", errors);
        var until = RunListQuery.Instant(query["until"].ToString(), "until", errors) ?? now.AddMinutes(1);
        var since = RunListQuery.Instant(query["since"].ToString(), "since", errors) ?? until - DefaultWindow;
        if (errors.IsValid)
        {
            errors.Require(since < until, "since", "since is before until.");
        }

        problem = errors.IsValid ? null : Problems.Invalid(errors);
        return errors.IsValid
            ? new AuditQuery { SinceUtc = since, UntilUtc = until, EntityKind = kind, EntityId = entity, JobId = jobId, Caller = caller, Limit = limit, Continuation = continuation }
            : null;
    }

    private static string? Text(string text, string field, ValidationErrors errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        errors.Require(text.Length <= MaxTextLength && !text.Any(char.IsControl), field, $"{field} is at most {MaxTextLength} characters, without control characters.");
        return text;
    }
}
