using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Schedules;
using Scheduler.Core.Validation;

namespace Scheduler.Api.Endpoints;

/// <summary>The next occurrences of a schedule, to check a cron expression and time zone before saving a job; each says
/// when a daylight-saving change moved it or repeated its local time.</summary>
public static class PreviewEndpoints
{
    public const int MaxCount = 100;

    public static async Task<Results<Ok<PreviewView>, ValidationProblem, ProblemHttpResult>> PreviewAsync(HttpRequest request, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var body = await JsonBody.ReadAsync<PreviewRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!body.TryGet(out var preview, out var unreadable))
        {
            return unreadable;
        }

        var errors = new ValidationErrors();
        errors.Require(preview.Count is >= 1 and <= MaxCount, "count", $"The count is from 1 to {MaxCount}.");
        ScheduleRules.Check(preview.Schedule, errors);
        if (!errors.IsValid)
        {
            return Problems.Invalid(errors);
        }

        var spec = preview.Schedule;
        var from = preview.FromUtc ?? time.GetUtcNow();
        var occurrences = ScheduleCalculator.Describe(spec, from, preview.Count).Select(Occurrence.From).ToList();
        return TypedResults.Ok(new PreviewView(spec.Kind == ScheduleKind.Cron && !string.IsNullOrWhiteSpace(spec.TimeZone) ? spec.TimeZone! : "UTC", occurrences));
    }
}
