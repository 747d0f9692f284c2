using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scheduler.Api.Auth;

namespace Scheduler.Api.OpenApi;

/// <summary>The document's own parts: title, version, conventions, contact and licence, the tags' descriptions and the API key
/// scheme. No <c>servers</c>: the API is served wherever the document is (both hosts, any address), and a document without them
/// is the same on every machine, so the committed copy (<c>docs/openapi.json</c>) can be compared byte for byte.</summary>
internal sealed class DocumentInfo : IOpenApiDocumentTransformer
{
    public const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Scheduler API",
            Version = OpenApiServiceCollectionExtensions.DocumentName,
            Description = ApiDescription.Text,
            Contact = new OpenApiContact { Name = ApiContact.Name },
            License = new OpenApiLicense { Name = ApiContact.License },
        };
        document.Servers = null;
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description = ApiTags.Descriptions.GetValueOrDefault(tag.Name ?? "");
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyVerifier.HeaderName,
            Description = "An API key from Scheduler:Api:Keys (admin) or Scheduler:Api:NamedKeys (its own role: reader, operator or admin), also accepted as 'Authorization: Bearer <key>'. Each operation names the role it needs (x-required-role).",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document, null)] = [] }];
        return Task.CompletedTask;
    }
}
