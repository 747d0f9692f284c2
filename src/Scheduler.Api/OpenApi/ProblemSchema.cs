using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scheduler.Api.Http;

namespace Scheduler.Api.OpenApi;

/// <summary>Declares the members a problem carries beyond RFC 9457's (<see cref="ProblemMembers"/>) on the problem schemas, which
/// otherwise allow no additional properties (the API refuses unknown members, and the schemas say so).</summary>
internal sealed class ProblemSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || !typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
        {
            return Task.CompletedTask;
        }

        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, type, format, description) in ProblemMembers.Declared)
        {
            schema.Properties[name] = new OpenApiSchema
            {
                Type = type switch { "integer" => JsonSchemaType.Integer, "boolean" => JsonSchemaType.Boolean, _ => JsonSchemaType.String },
                Format = format,
                Description = description,
            };
        }

        return Task.CompletedTask;
    }
}
