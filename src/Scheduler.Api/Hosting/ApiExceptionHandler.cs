using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Scheduler.Core.Health;

namespace Scheduler.Api.Hosting;

/// <summary>Unexpected failures become a 500 problem without internals; storage that does not answer or can not be
/// reached becomes a 503 (retry later); a client that went away gets nothing.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, IStorageFaults faults, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "Bad request.", bad.Message),
            _ when faults.IsOutage(exception) => (StatusCodes.Status503ServiceUnavailable, "Unavailable.", "Storage did not answer in time or can not be reached; retry later."),
            _ => (StatusCodes.Status500InternalServerError, "Internal error.", "The request failed unexpectedly; nothing is reported beyond this. See the server's logs for the trace id."),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            // An outage fails many requests alike: one line each, the host's loops log the cause.
            Log.StorageUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
        }
        else if (status >= 500)
        {
            Log.RequestFailed(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }
}
