using Microsoft.AspNetCore.Http;

namespace Scheduler.Api.Auth;

/// <summary>The one operation a trigger token may call, and the job its request names.</summary>
internal static class TriggerRoute
{
    public const string Operation = "TriggerJob";

    /// <summary>The job id of <c>…/jobs/{id}/trigger</c>: from the route values where the host set them (the Server), else from the
    /// path (the Functions host hands the request over before routing it).</summary>
    public static string? JobIdOf(HttpRequest request)
    {
        if (request.RouteValues.TryGetValue("id", out var routed) && routed is string id)
        {
            return id;
        }

        var segments = (request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is [.., "jobs", var job, "trigger"] ? Uri.UnescapeDataString(job) : null;
    }
}
