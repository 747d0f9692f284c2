using Microsoft.AspNetCore.Http;
using Scheduler.Core.Services;

namespace Scheduler.Api.Http;

/// <summary>Maps Core's expected outcomes to HTTP: the success mapping is the caller's, failures are problems.</summary>
public static class ServiceResults
{
    public static IResult Problem<T>(ServiceResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            ServiceStatus.Invalid => Problems.Invalid(result.Errors ?? new Core.Validation.ValidationErrors()),
            ServiceStatus.NotFound => Problems.NotFound(result.Detail ?? "Not found."),
            ServiceStatus.Conflict => Problems.Conflict(result.Detail ?? "Conflict."),
            ServiceStatus.PreconditionFailed => Problems.PreconditionFailed(result.Detail ?? "The ETag does not match."),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Status, "Not a failure."),
        };
    }

    public static bool Succeeded<T>(ServiceResult<T> result) =>
        result?.Status is ServiceStatus.Ok or ServiceStatus.Created;
}
