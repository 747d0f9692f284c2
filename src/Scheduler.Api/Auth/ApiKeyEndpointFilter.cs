using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Scheduler.Api.Http;

namespace Scheduler.Api.Auth;

/// <summary>Refuses a request without a valid API key with a 401 problem, before its body is read.</summary>
public sealed class ApiKeyEndpointFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var verifier = http.RequestServices.GetRequiredService<ApiKeyVerifier>();
        var presented = ApiKeyVerifier.Presented(http.Request);
        if (!verifier.IsValid(presented))
        {
            http.Response.Headers[HeaderNames.WWWAuthenticate] = $"Bearer, ApiKey header=\"{ApiKeyVerifier.HeaderName}\"";
            return string.IsNullOrEmpty(presented) ? Problems.Unauthorized() : Problems.KeyRefused();
        }

        return await next(context).ConfigureAwait(false);
    }
}
