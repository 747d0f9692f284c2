using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Scheduler.Api.Http;

/// <summary>The success results that carry an entity's ETag.</summary>
public static class Entities
{
    public static Entity<Ok<T>> Ok<T>(T value, string? etag, string? location = null) => new(TypedResults.Ok(value), etag, location);

    public static Entity<Created<T>> Created<T>(T value, string? etag, string location) => new(TypedResults.Created(location, value), etag);
}
