using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Scheduler.Api;
using Scheduler.Api.Audit;
using Scheduler.Api.Endpoints;
using Scheduler.Core.Dependencies;
using Scheduler.Core.Ports;
using Scheduler.Core.Services;
using Scheduler.Core.Tokens;

namespace Scheduler.Functions.Http;

/// <summary>Jobs: the same handlers as the Server, behind function keys.</summary>
public sealed class JobFunctions(JobService service, RunTriggers triggers, IJobStore jobs, IRunStore runs, TriggerTokens tokens, ChangeAudit audit, ParentLinks links)
{
    [Function("CreateJob")]
    public async Task<IResult> Create([HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Jobs)] HttpRequest request, CancellationToken cancellationToken) =>
        await JobEndpoints.CreateAsync(request, service, audit, cancellationToken).ConfigureAwait(false);

    [Function("ListJobs")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Jobs)] HttpRequest request, CancellationToken cancellationToken) =>
        await JobEndpoints.ListAsync(request, jobs, runs, cancellationToken).ConfigureAwait(false);

    [Function("GetJob")]
    public async Task<IResult> Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Job)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await JobEndpoints.GetAsync(id, jobs, runs, links, cancellationToken).ConfigureAwait(false);

    [Function("ReplaceJob")]
    public async Task<IResult> Replace([HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Job)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await JobEndpoints.ReplaceAsync(id, request, service, jobs, audit, cancellationToken).ConfigureAwait(false);

    [Function("DeleteJob")]
    public async Task<IResult> Delete([HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.Job)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await JobEndpoints.DeleteAsync(id, request, service, jobs, tokens, audit, cancellationToken).ConfigureAwait(false);

    [Function("PauseJob")]
    public async Task<IResult> Pause([HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.JobPause)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await JobEndpoints.PauseAsync(id, request, service, jobs, audit, cancellationToken).ConfigureAwait(false);

    [Function("ResumeJob")]
    public async Task<IResult> Resume([HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.JobResume)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await JobEndpoints.ResumeAsync(id, request, service, jobs, audit, cancellationToken).ConfigureAwait(false);

    [Function("TriggerJob")]
    public async Task<IResult> Trigger([HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.JobTrigger)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await JobEndpoints.TriggerAsync(id, request, triggers, cancellationToken).ConfigureAwait(false);
}
