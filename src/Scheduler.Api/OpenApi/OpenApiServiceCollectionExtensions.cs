using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Scheduler.Api.OpenApi;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) and its browsable reference (<c>/api/reference</c>), both anonymous.</summary>
public static class OpenApiServiceCollectionExtensions
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/{documentName}.json";

    public static IServiceCollection AddSchedulerOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddSchemaTransformer(new DurationSchema());
            options.AddSchemaTransformer(new ProblemSchema());
            options.AddDocumentTransformer(new DocumentInfo());
            options.AddDocumentTransformer(new OptionalWhenNull());
            options.AddOperationTransformer(new RequiredRole());
        });

    public static IEndpointRouteBuilder MapSchedulerOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentPath).AllowAnonymous();
        endpoints.MapScalarApiReference("/" + ApiRoutes.Prefix + "/" + ApiRoutes.Reference, options => options
            .WithTitle("Scheduler API")
            .WithOpenApiRoutePattern(DocumentPath)
            // A self-hosted scheduler's reference: no Deploy / Generate SDK toolbar, no AI chat, no MCP hand-off, and no
            // fonts from Scalar's CDN (offline, the page would wait on them).
            .HideDeveloperTools()
            .DisableDefaultFonts()
            .DisableAgent()
            .DisableMcp())
            .AllowAnonymous();
        return endpoints;
    }
}
