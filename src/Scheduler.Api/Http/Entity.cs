using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Scheduler.Api.Http;

/// <summary>A typed result about one stored entity: <typeparamref name="TResult"/> writes the status and body and describes
/// them in the OpenAPI document; this adds the entity's ETag, and a Location where the status itself sets none (a replayed
/// create answers 200 with its job's Location).</summary>
public sealed class Entity<TResult>(TResult result, string? etag, string? location = null)
    : IResult, INestedHttpResult, IStatusCodeHttpResult, IValueHttpResult, IEndpointMetadataProvider
    where TResult : IResult, IEndpointMetadataProvider
{
    public IResult Result => result;

    public string? ETag => etag;

    public string? Location => location;

    public int? StatusCode => (result as IStatusCodeHttpResult)?.StatusCode;

    public object? Value => (result as IValueHttpResult)?.Value;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (etag is not null)
        {
            httpContext.Response.Headers[HeaderNames.ETag] = etag;
        }

        if (location is not null)
        {
            httpContext.Response.Headers[HeaderNames.Location] = location;
        }

        return result.ExecuteAsync(httpContext);
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        TResult.PopulateMetadata(method, builder);
}
