using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Scheduler.Api;
using Scheduler.Api.Endpoints;
using Scheduler.Core.Ports;

namespace Scheduler.Functions.Http;

/// <summary>The poison queue, handled by people: list, read, requeue, delete.</summary>
public sealed class PoisonFunctions(IPoisonMessages poison)
{
    [Function("ListPoison")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Poison)] HttpRequest request, CancellationToken cancellationToken) =>
        await PoisonEndpoints.ListAsync(poison, cancellationToken).ConfigureAwait(false);

    [Function("GetPoison")]
    public async Task<IResult> Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.PoisonMessage)] HttpRequest request, string messageId, CancellationToken cancellationToken) =>
        await PoisonEndpoints.GetAsync(messageId, poison, cancellationToken).ConfigureAwait(false);

    [Function("RequeuePoison")]
    public async Task<IResult> Requeue([HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.PoisonRequeue)] HttpRequest request, string messageId, CancellationToken cancellationToken) =>
        await PoisonEndpoints.RequeueAsync(messageId, poison, cancellationToken).ConfigureAwait(false);

    [Function("DeletePoison")]
    public async Task<IResult> Delete([HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.PoisonMessage)] HttpRequest request, string messageId, CancellationToken cancellationToken) =>
        await PoisonEndpoints.DeleteAsync(messageId, poison, cancellationToken).ConfigureAwait(false);
}
