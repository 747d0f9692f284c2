using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Api.Auth;

namespace Scheduler.Functions.Http;

/// <summary>Roles on top of function keys: after the host's key check let an HTTP call in, the function runs only when the
/// key's role covers the operation's, or a trigger token is sent to its own job's trigger (<see cref="ApiAccess"/>, the Server's rule; the function's name is the operation's).
/// Timers, queue triggers and Durable functions have no HTTP context and pass straight through.</summary>
public sealed class ApiRoleMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http
            && await context.InstanceServices.GetRequiredService<ApiAccess>().CheckFunctionKeyAsync(http.Request, context.FunctionDefinition.Name, http.RequestAborted).ConfigureAwait(false) is { } refusal)
        {
            await refusal.ExecuteAsync(http).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
