using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Scheduler.Dashboard;

/// <summary>Serves the dashboard's static files, embedded in this assembly from <c>wwwroot/</c>, without an API key
/// (the page asks for one and calls the API with it). Nothing is mapped while <c>wwwroot/index.html</c> does not exist.
/// The host names its API's path prefix: paths under it that no endpoint answers stay 404, not the page.</summary>
public static class DashboardEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapSchedulerDashboard(this IEndpointRouteBuilder endpoints, string apiPrefix)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(apiPrefix);
        if (Assets() is not { } files || !files.GetFileInfo("index.html").Exists)
        {
            return endpoints;
        }

        var types = new FileExtensionContentTypeProvider();
        endpoints.MapGet("/", (HttpContext context) => Send(files, types, "index.html", context)).AllowAnonymous().ExcludeFromDescription();
        // Client-side routes of the single-page app get index.html; unknown API paths stay 404 problems.
        endpoints.MapGet("/{**path:nonfile}", (HttpContext context) => IsApi(context, apiPrefix) ? Missing(context) : Send(files, types, "index.html", context))
            .AllowAnonymous().ExcludeFromDescription()
            .Add(b => ((RouteEndpointBuilder)b).Order = int.MaxValue);
        endpoints.MapGet("/{**path:file}", (string path, HttpContext context) => Send(files, types, path, context)).AllowAnonymous().ExcludeFromDescription()
            .Add(b => ((RouteEndpointBuilder)b).Order = int.MaxValue);
        Log.DashboardServed(endpoints.ServiceProvider.GetRequiredService<ILogger<DashboardMarker>>());
        return endpoints;
    }

    /// <summary>The embedded <c>wwwroot</c>, or null when the assembly carries none.</summary>
    public static IFileProvider? Assets()
    {
        try
        {
            return new ManifestEmbeddedFileProvider(Assembly.GetExecutingAssembly(), "wwwroot");
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsApi(HttpContext context, string apiPrefix) => context.Request.Path.StartsWithSegments("/" + apiPrefix, StringComparison.OrdinalIgnoreCase);

    private static Task Missing(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static async Task Send(IFileProvider files, FileExtensionContentTypeProvider types, string path, HttpContext context)
    {
        var file = files.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory)
        {
            await Missing(context).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = types.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        context.Response.ContentLength = file.Length;
        context.Response.Headers.CacheControl = path == "index.html" ? "no-cache" : "public, max-age=3600";
        await using var stream = file.CreateReadStream();
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The logger category of the dashboard.</summary>
    private sealed class DashboardMarker;
}
