using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Scheduler.Api.Auth;

/// <summary>The Server's gate: refuses a request without a valid API key (401) or whose key's role does not cover the
/// endpoint's (403), before its body is read. The rule is <see cref="ApiAccess"/>'s.</summary>
public sealed class ApiKeyEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var operation = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        var refusal = await http.RequestServices.GetRequiredService<ApiAccess>().CheckApiKeyAsync(http.Request, operation, http.RequestAborted).ConfigureAwait(false);
        return refusal ?? await next(context).ConfigureAwait(false);
    }
}
