using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Scheduler.Api.Auth;

namespace Scheduler.Api.OpenApi;

/// <summary>Shows the role each operation needs (<see cref="OperationRoles"/>): as <c>x-required-role</c>, for generated
/// clients and gateways, and at the end of its description, for people reading the reference.</summary>
internal sealed class RequiredRole : IOpenApiOperationTransformer
{
    public const string Extension = "x-required-role";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (name is null || OperationRoles.IsAnonymous(name))
        {
            return Task.CompletedTask;
        }

        var role = OperationRoles.Name(OperationRoles.For(name));
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[Extension] = new JsonNodeExtension(JsonValue.Create(role));
        operation.Description = $"{operation.Description} Needs a key with the {role} role{(role == "admin" ? "" : " or higher")} (403 otherwise).";
        return Task.CompletedTask;
    }
}
