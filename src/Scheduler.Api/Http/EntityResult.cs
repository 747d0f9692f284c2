using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Scheduler.Api.Http;

/// <summary>A JSON result in the API's JSON with the entity headers (ETag, Location) set, whichever host executes it.</summary>
public sealed class EntityResult(object? value, int statusCode, string? etag = null, string? location = null) : IResult, IStatusCodeHttpResult, IValueHttpResult
{
    public int? StatusCode => statusCode;
    public object? Value => value;
    public string? ETag => etag;
    public string? Location => location;

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

        return value is null
            ? TypedResults.StatusCode(statusCode).ExecuteAsync(httpContext)
            : TypedResults.Json(value, ApiJson.Options, statusCode: statusCode).ExecuteAsync(httpContext);
    }
}
