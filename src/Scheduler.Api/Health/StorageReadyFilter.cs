using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Api.Http;

using Scheduler.Core.Health;

namespace Scheduler.Api.Health;

/// <summary>While storage has not been reached since the start, every keyed endpoint answers 503 with the reason rather
/// than failing on a table that may not exist yet. Hosts without a <see cref="StorageStatus"/> pass through.</summary>
public sealed class StorageReadyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var status = context.HttpContext.RequestServices.GetService<StorageStatus>();
        if (status is { IsReady: false })
        {
            context.HttpContext.Response.Headers.RetryAfter = "5";
            return Problems.Unavailable("Storage has not been reached since the start; retry in a few seconds.", new Dictionary<string, object?>
            {
                [ProblemMembers.Error] = status.Current?.Reason ?? "starting",
            });
        }

        return await next(context).ConfigureAwait(false);
    }
}
