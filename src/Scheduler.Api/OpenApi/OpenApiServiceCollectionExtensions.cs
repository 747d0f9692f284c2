using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using Scheduler.Api.Auth;

namespace Scheduler.Api.OpenApi;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) and its browsable reference (<c>/api/reference</c>), both anonymous.</summary>
public static class OpenApiServiceCollectionExtensions
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/{documentName}.json";
    private const string SchemeName = "ApiKey";

    public static IServiceCollection AddSchedulerOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Scheduler API",
                    Version = DocumentName,
                    Description = ApiDescription.Text,
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyVerifier.HeaderName,
                    Description = "An API key from Scheduler:Api:Keys (also accepted as 'Authorization: Bearer <key>').",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document, null)] = [] }];
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                if (type == typeof(TimeSpan) || type == typeof(TimeSpan?))
                {
                    schema.Description = "A duration as \"[-][d.]hh:mm:ss[.fffffff]\", for example \"00:00:30\" (30 s) or \"1.00:00:00\" (1 day).";
                }

                return Task.CompletedTask;
            });
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
