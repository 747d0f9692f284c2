using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Scheduler.Api;
using Scheduler.Api.Audit;
using Scheduler.Api.Endpoints;
using Scheduler.Core.Ports;

namespace Scheduler.Functions.Http;

/// <summary>SSH connection profiles.</summary>
public sealed class ConnectionFunctions(IConnectionStore connections, ISecretResolver secrets, ChangeAudit audit)
{
    [Function("ListConnections")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Connections)] HttpRequest request, CancellationToken cancellationToken) =>
        await ConnectionEndpoints.ListAsync(connections, cancellationToken).ConfigureAwait(false);

    [Function("CreateConnection")]
    public async Task<IResult> Create([HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Connections)] HttpRequest request, CancellationToken cancellationToken) =>
        await ConnectionEndpoints.CreateAsync(request, connections, secrets, audit, cancellationToken).ConfigureAwait(false);

    [Function("GetConnection")]
    public async Task<IResult> Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Connection)] HttpRequest request, string name, CancellationToken cancellationToken) =>
        await ConnectionEndpoints.GetAsync(name, connections, cancellationToken).ConfigureAwait(false);

    [Function("ReplaceConnection")]
    public async Task<IResult> Replace([HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Connection)] HttpRequest request, string name, CancellationToken cancellationToken) =>
        await ConnectionEndpoints.ReplaceAsync(name, request, connections, secrets, audit, cancellationToken).ConfigureAwait(false);

    [Function("DeleteConnection")]
    public async Task<IResult> Delete([HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.Connection)] HttpRequest request, string name, CancellationToken cancellationToken) =>
        await ConnectionEndpoints.DeleteAsync(name, request, connections, audit, cancellationToken).ConfigureAwait(false);
}
