using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Core.Services;

namespace Scheduler.Api.Http;

/// <summary>Maps Core's expected failures to problems; each endpoint maps its successes itself.</summary>
public static class ServiceResults
{
    public static ProblemHttpResult Problem<T>(ServiceResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            ServiceStatus.Invalid => Problems.Refused(Problems.Invalid(result.Errors ?? new Core.Validation.ValidationErrors())),
            ServiceStatus.NotFound => Problems.NotFound(result.Detail ?? "Not found."),
            ServiceStatus.Conflict => Problems.Conflict(result.Detail ?? "Conflict."),
            ServiceStatus.PreconditionFailed => Problems.PreconditionFailed(result.Detail ?? "The ETag does not match."),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Status, "Not a failure."),
        };
    }
}
