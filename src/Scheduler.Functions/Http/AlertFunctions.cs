using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Scheduler.Api;
using Scheduler.Api.Endpoints;
using Scheduler.Core.Ports;

namespace Scheduler.Functions.Http;

/// <summary>A job's alerts, as the Server lists them (<see cref="AlertEndpoints"/>).</summary>
public sealed class AlertFunctions(IAlertStore alerts, IJobStore jobs)
{
    [Function("ListAlerts")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.JobAlerts)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await AlertEndpoints.ListByJobAsync(id, alerts, jobs, cancellationToken).ConfigureAwait(false);
}
