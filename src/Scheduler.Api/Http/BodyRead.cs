using Microsoft.AspNetCore.Http;

namespace Scheduler.Api.Http;

/// <summary>A request body read and parsed: either a value, or the problem to return instead.</summary>
public sealed record BodyRead<T>(T? Value, IResult? Problem)
    where T : class
{
    public bool Failed => Problem is not null;

    public static BodyRead<T> Ok(T value) => new(value, null);

    public static BodyRead<T> Fail(IResult problem) => new(null, problem);
}
