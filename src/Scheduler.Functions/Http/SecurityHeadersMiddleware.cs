using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Scheduler.Api.Http;

namespace Scheduler.Functions.Http;

/// <summary>Puts <see cref="SecurityHeaders"/> on every HTTP answer of the Functions host (dashboard, API, refusals) before the
/// function or the role check writes it; triggers without an HTTP context pass straight through.</summary>
public sealed class SecurityHeadersMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http)
        {
            SecurityHeaders.Apply(http);
        }

        await next(context).ConfigureAwait(false);
    }
}
