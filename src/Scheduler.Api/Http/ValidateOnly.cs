using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Scheduler.Api.Http;

/// <summary>The <c>validateOnly</c> query parameter of job creation: the definition is checked in full and, when valid,
/// answered 204 with nothing saved. The dashboard's form uses it to show the server's errors for every field next to
/// those of the fields it cannot read, all at once.</summary>
public static class ValidateOnly
{
    public const string Parameter = "validateOnly";

    /// <summary>False with a 400 problem naming the parameter when it is there but not <c>true</c> or <c>false</c>.</summary>
    public static bool TryRead(HttpRequest request, out bool validateOnly, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        problem = null;
        validateOnly = false;
        var values = request.Query[Parameter];
        if (values.Count == 0 || (values.Count == 1 && bool.TryParse(values[0], out validateOnly)))
        {
            return true;
        }

        problem = Problems.Invalid(Parameter, "Give validateOnly=true to check a definition without saving it, or leave it out.");
        return false;
    }
}
