using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Scheduler.Api.Http;

/// <summary>A query parameter that is one of two words: absent or the first (the default) reads false, the second reads true,
/// anything else is a 400 problem naming the parameter and both words.</summary>
public static class QueryChoice
{
    public static bool TryRead(HttpRequest request, string parameter, string usual, string other, string rule, out bool chosen, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        problem = null;
        chosen = false;
        var values = request.Query[parameter];
        if (values.Count == 0 || (values.Count == 1 && string.Equals(values[0], usual, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (values.Count == 1 && string.Equals(values[0], other, StringComparison.OrdinalIgnoreCase))
        {
            chosen = true;
            return true;
        }

        problem = Problems.Invalid(parameter, rule);
        return false;
    }
}
