using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Scheduler.Api.Http;

/// <summary>A request body read and parsed: either a value, or the problem to return instead (400, 413 or 415).</summary>
public sealed class BodyRead<T>
    where T : class
{
    private readonly T? value;
    private readonly ProblemHttpResult? problem;

    private BodyRead(T? read, ProblemHttpResult? refused)
    {
        value = read;
        problem = refused;
    }

    public static BodyRead<T> Ok(T value) => new(value, null);

    public static BodyRead<T> Fail(ProblemHttpResult problem) => new(null, problem);

    /// <summary>The value, or false with the problem to answer.</summary>
    public bool TryGet([NotNullWhen(true)] out T? read, [NotNullWhen(false)] out ProblemHttpResult? refused)
    {
        read = value;
        refused = problem;
        return problem is null && value is not null;
    }
}
