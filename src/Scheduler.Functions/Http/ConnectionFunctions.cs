using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Scheduler.Api;
using Scheduler.Api.Endpoints;
using Scheduler.Core.Ports;

namespace Scheduler.Functions.Http;

/// <summary>SSH connection profiles.</summary>
public sealed class ConnectionFunctions(IConnectionStore connections, ISecretResolver secrets)
{
    [Function("ListConnections")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Connections)] HttpRequest request, CancellationToken cancellationToken) =>
        ConnectionEndpoints.ListAsync(connections, cancellationToken);

    [Function("CreateConnection")]
    public Task<IResult> Create([HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Connections)] HttpRequest request, CancellationToken cancellationToken) =>
        ConnectionEndpoints.CreateAsync(request, connections, secrets, cancellationToken);

    [Function("GetConnection")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Connection)] HttpRequest request, string name, CancellationToken cancellationToken) =>
        ConnectionEndpoints.GetAsync(name, connections, cancellationToken);

    [Function("ReplaceConnection")]
    public Task<IResult> Replace([HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Connection)] HttpRequest request, string name, CancellationToken cancellationToken) =>
        ConnectionEndpoints.ReplaceAsync(name, request, connections, secrets, cancellationToken);

    [Function("DeleteConnection")]
    public Task<IResult> Delete([HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.Connection)] HttpRequest request, string name, CancellationToken cancellationToken) =>
        ConnectionEndpoints.DeleteAsync(name, request, connections, cancellationToken);
}
