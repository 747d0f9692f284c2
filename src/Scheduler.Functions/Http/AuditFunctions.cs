using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Scheduler.Api;
using Scheduler.Api.Endpoints;
using Scheduler.Core.Ports;

namespace Scheduler.Functions.Http;

/// <summary>The audit trail: the same handlers as the Server, behind function keys.</summary>
public sealed class AuditFunctions(IAuditLog log, TimeProvider time)
{
    [Function("ListAudit")]
    public async Task<IResult> ListAudit([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Audit)] HttpRequest request, CancellationToken cancellationToken) =>
        await AuditEndpoints.ListAsync(request, log, time, cancellationToken).ConfigureAwait(false);

    [Function("ListJobAudit")]
    public async Task<IResult> ListJobAudit([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.JobAudit)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await AuditEndpoints.ListByJobAsync(id, request, log, time, cancellationToken).ConfigureAwait(false);
}
