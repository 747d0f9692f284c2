using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Scheduler.Api;
using Scheduler.Api.Hosting;
using Scheduler.Hosting;

namespace Scheduler.Functions.Tests;

/// <summary>The API routes the Server host maps, read from its real endpoint data source.</summary>
public static class ServerRoutes
{
    /// <summary>(METHOD, route template relative to the "api" prefix, anonymous?) of every API endpoint.</summary>
    public static IReadOnlyList<(string Method, string Route, bool Anonymous)> All()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduler:Storage:ConnectionString"] = "UseDevelopmentStorage=true" });
        builder.Services.AddSchedulerEngine(builder.Configuration);
        builder.Services.AddSchedulerApi();
        using var app = builder.Build();
        app.MapSchedulerApi();
        var prefix = "/" + ApiRoutes.Prefix + "/";
        return ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(prefix, StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                (m, e.RoutePattern.RawText![prefix.Length..], e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)))
            .ToList();
    }
}
