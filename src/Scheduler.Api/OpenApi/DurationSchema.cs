using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Scheduler.Api.OpenApi;

/// <summary>Says how a duration is written, wherever one appears.</summary>
internal sealed class DurationSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(TimeSpan) || type == typeof(TimeSpan?))
        {
            schema.Description = "A duration as \"[-][d.]hh:mm:ss[.fffffff]\", for example \"00:00:30\" (30 s) or \"1.00:00:00\" (1 day).";
        }

        return Task.CompletedTask;
    }
}
