using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Scheduler.Api.Http;

/// <summary>The <c>children</c> query parameter of a job's delete: <c>refuse</c> (the default) refuses to delete a job other jobs
/// name as a parent (409, naming them), <c>detach</c> removes it from their <c>after</c> lists first.</summary>
public static class ChildrenOnDelete
{
    public const string Parameter = "children";

    public static bool TryRead(HttpRequest request, out bool detach, [NotNullWhen(false)] out ValidationProblem? problem) =>
        QueryChoice.TryRead(request, Parameter, "refuse", "detach",
            "Give children=refuse to keep a job that other jobs run after, or children=detach to remove it from their 'after' lists and delete it.", out detach, out problem);
}
