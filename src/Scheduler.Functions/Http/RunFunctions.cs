using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Scheduler.Api;
using Scheduler.Api.Endpoints;
using Scheduler.Core.Ports;
using Scheduler.Core.Services;
using Scheduler.Functions.Durable;

namespace Scheduler.Functions.Http;

/// <summary>Runs. Cancel also stops the run's orchestration (<see cref="OrchestrationStopper"/>); Core decides the rest.</summary>
public sealed class RunFunctions(IRunStore runs, IJobStore jobs, RunCanceller canceller, TimeProvider time)
{
    [Function("ListAllRuns")]
    public async Task<IResult> ListAll([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Runs)] HttpRequest request, CancellationToken cancellationToken) =>
        await RunEndpoints.ListAsync(request, runs, time, cancellationToken).ConfigureAwait(false);

    [Function("ListRuns")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.JobRuns)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await RunEndpoints.ListByJobAsync(id, request, runs, jobs, cancellationToken).ConfigureAwait(false);

    [Function("GetRun")]
    public async Task<IResult> Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Run)] HttpRequest request, string jobId, string runId, CancellationToken cancellationToken) =>
        await RunEndpoints.GetAsync(jobId, runId, runs, cancellationToken).ConfigureAwait(false);

    [Function("CancelRun")]
    public async Task<IResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.RunCancel)] HttpRequest request,
        string jobId,
        string runId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        await RunEndpoints.CancelAndStopAsync(jobId, runId, canceller, new OrchestrationStopper(client), cancellationToken).ConfigureAwait(false);
}
