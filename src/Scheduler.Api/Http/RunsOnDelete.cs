using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Scheduler.Api.Http;

/// <summary>The <c>runs</c> query parameter of a job's delete: <c>keep</c> (the default) leaves its runs to retention,
/// <c>remove</c> deletes its ended runs with it.</summary>
public static class RunsOnDelete
{
    public const string Parameter = "runs";

    /// <summary>False with a 400 problem naming the parameter when it is there but neither <c>keep</c> nor <c>remove</c>.</summary>
    public static bool TryRead(HttpRequest request, out bool remove, [NotNullWhen(false)] out ValidationProblem? problem) =>
        QueryChoice.TryRead(request, Parameter, "keep", "remove",
            "Give runs=keep to leave the job's runs until retention removes them, or runs=remove to delete its ended runs with it.", out remove, out problem);
}
