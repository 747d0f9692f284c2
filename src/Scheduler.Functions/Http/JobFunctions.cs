using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Scheduler.Api;
using Scheduler.Api.Endpoints;
using Scheduler.Core.Ports;
using Scheduler.Core.Services;

namespace Scheduler.Functions.Http;

/// <summary>Jobs: the same handlers as the Server, behind function keys.</summary>
public sealed class JobFunctions(JobService service, IJobStore jobs, IRunStore runs)
{
    [Function("CreateJob")]
    public Task<IResult> Create([HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Jobs)] HttpRequest request, CancellationToken cancellationToken) =>
        JobEndpoints.CreateAsync(request, service, cancellationToken);

    [Function("ListJobs")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Jobs)] HttpRequest request, CancellationToken cancellationToken) =>
        JobEndpoints.ListAsync(request, jobs, runs, cancellationToken);

    [Function("GetJob")]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Job)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        JobEndpoints.GetAsync(id, jobs, runs, cancellationToken);

    [Function("ReplaceJob")]
    public Task<IResult> Replace([HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Job)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        JobEndpoints.ReplaceAsync(id, request, service, cancellationToken);

    [Function("DeleteJob")]
    public Task<IResult> Delete([HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.Job)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        JobEndpoints.DeleteAsync(id, request, service, cancellationToken);

    [Function("PauseJob")]
    public Task<IResult> Pause([HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.JobPause)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        JobEndpoints.PauseAsync(id, request, service, cancellationToken);

    [Function("ResumeJob")]
    public Task<IResult> Resume([HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.JobResume)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        JobEndpoints.ResumeAsync(id, request, service, cancellationToken);

    [Function("TriggerJob")]
    public Task<IResult> Trigger([HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.JobTrigger)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        JobEndpoints.TriggerAsync(id, service, cancellationToken);
}
