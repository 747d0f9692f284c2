using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Core.Validation;

namespace Scheduler.Api.Http;

/// <summary>Checks ids taken from the route before they reach storage (where '/', '\', '#', '?' and control characters are not keys).</summary>
public static partial class RouteIds
{
    [GeneratedRegex(@"^:\d{19}$", RegexOptions.CultureInvariant)]
    private static partial Regex TicksSuffix();

    /// <summary>A problem naming <paramref name="field"/> when <paramref name="id"/> is not a valid id, else null.</summary>
    public static ValidationProblem? Check(string? id, string field = "id") =>
        Identifiers.IsValidId(id) ? null : Problems.Invalid(field, Identifiers.IdRule);

    /// <summary>A run id is <c>{jobId}:{dueTicks:D19}</c> of the job in the route.</summary>
    public static ValidationProblem? CheckRun(string? jobId, string? runId)
    {
        if (Check(jobId, "jobId") is { } problem)
        {
            return problem;
        }

        var ok = runId is not null && runId.StartsWith(jobId!, StringComparison.Ordinal) && TicksSuffix().IsMatch(runId.AsSpan(jobId!.Length));
        return ok ? null : Problems.Invalid("runId", "A run id is '{jobId}:{19 digits}' and belongs to the job in the path.");
    }
}
