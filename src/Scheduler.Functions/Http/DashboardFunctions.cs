using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Scheduler.Dashboard;

namespace Scheduler.Functions.Http;

/// <summary>The dashboard, from the same embedded assets as the Server, at <c>/api/dashboard/</c> (the route prefix is
/// "api"). Anonymous like on the Server: the page asks for a function key and sends it with every API call.</summary>
public static class DashboardFunctions
{
    [Function("Dashboard")]
    public static IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{*path}")] HttpRequest request, string? path) =>
        string.IsNullOrEmpty(path) && !request.Path.Value!.EndsWith('/')
            ? TypedResults.Redirect(request.Path.Value + "/")
            : DashboardFiles.Get(path);
}
