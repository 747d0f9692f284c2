using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scheduler.Api.Http;

namespace Scheduler.Api.OpenApi;

/// <summary>States what the API writes: a member without a value is left out (<see cref="ApiJson"/> ignores nulls when
/// writing), never written as null. So every member the generator marks nullable is made optional instead, and its schema
/// loses the null alternative: a client that honours <c>required</c> reads every answer, and a member it finds is a value.</summary>
internal sealed class OptionalWhenNull : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (ApiJson.Options.DefaultIgnoreCondition != System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)
        {
            return Task.CompletedTask;
        }

        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            foreach (var (name, member) in schema.Properties?.ToList() ?? [])
            {
                if (WithoutNull(member) is { } value)
                {
                    schema.Properties![name] = value;
                    schema.Required?.Remove(name);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The member's schema without its null alternative, or null when it has none.</summary>
    private static IOpenApiSchema? WithoutNull(IOpenApiSchema member)
    {
        if (member is not OpenApiSchema schema)
        {
            return null;
        }

        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        {
            schema.Type = type & ~JsonSchemaType.Null;
            return schema;
        }

        if (schema.OneOf is { } choices && choices.Any(IsNull))
        {
            var values = choices.Where(c => !IsNull(c)).ToList();
            if (values.Count == 1)
            {
                return values[0];
            }

            schema.OneOf = values;
            return schema;
        }

        return null;
    }

    private static bool IsNull(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };
}
