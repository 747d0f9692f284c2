using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Scheduler.Api;
using Scheduler.Api.Endpoints;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Services;
using Scheduler.Core.Workflow;

namespace Scheduler.Functions.Http;

/// <summary>Runs. Cancel also terminates the run's orchestration (instance id = run id) and ends a run cut short mid-attempt.</summary>
public sealed class RunFunctions(IRunStore runs, IJobStore jobs, RunCanceller canceller, RunSettler settler, TimeProvider time)
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
        CancellationToken cancellationToken)
    {
        var result = await RunEndpoints.CancelAsync(jobId, runId, canceller, cancellationToken).ConfigureAwait(false);
        if (await runs.GetAsync(jobId, runId, cancellationToken).ConfigureAwait(false) is { CancelRequested: true } run)
        {
            try
            {
                await client.TerminateInstanceAsync(runId, RunSettler.CanceledOnRequest, cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.Unknown)
            {
                // No instance yet (a queued run) or already finished: the host answers with an error, which is no failure here.
            }

            if (!run.Status.IsTerminal())
            {
                await settler.CancelAsync(jobId, runId, run, cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }
}
