using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;

namespace Scheduler.Dashboard;

/// <summary>The dashboard's embedded files as results, for a host that serves them from its own route (the Functions host
/// serves them under <c>/api/dashboard/</c>; the page's assets are relative and its API base is <c>/api</c>).</summary>
public static class DashboardFiles
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    public static IResult Get(string? path)
    {
        var name = string.IsNullOrEmpty(path) ? "index.html" : path;
        var file = DashboardEndpointRouteBuilderExtensions.Assets()?.GetFileInfo(name);
        if (file is null || !file.Exists || file.IsDirectory)
        {
            return TypedResults.NotFound();
        }

        var type = Types.TryGetContentType(name, out var known) ? known : "application/octet-stream";
        return TypedResults.Stream(file.CreateReadStream(), type);
    }
}
