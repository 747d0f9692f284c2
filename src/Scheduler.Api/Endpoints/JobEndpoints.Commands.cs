using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Api.Audit;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Services;

namespace Scheduler.Api.Endpoints;

/// <summary>Jobs: pause, resume and run now.</summary>
public static partial class JobEndpoints
{
    public static Task<Results<Entity<Ok<JobView>>, ValidationProblem, ProblemHttpResult>> PauseAsync(
        string id, HttpRequest request, JobService service, IJobStore jobs, ChangeAudit audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        return ChangeAsync(id, request, "PauseJob", service.PauseAsync, jobs, audit, cancellationToken);
    }

    public static Task<Results<Entity<Ok<JobView>>, ValidationProblem, ProblemHttpResult>> ResumeAsync(
        string id, HttpRequest request, JobService service, IJobStore jobs, ChangeAudit audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        return ChangeAsync(id, request, "ResumeJob", service.ResumeAsync, jobs, audit, cancellationToken);
    }

    // Runs the job once now (also when paused): 202 with the run's future location.
    public static async Task<Results<Accepted<TriggerView>, ValidationProblem, ProblemHttpResult>> TriggerAsync(string id, JobService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (RouteIds.Check(id) is { } invalid)
        {
            return invalid;
        }

        var triggered = await service.TriggerAsync(id, cancellationToken).ConfigureAwait(false);
        if (!triggered.Succeeded)
        {
            return ServiceResults.Problem(triggered);
        }

        var location = ApiRoutes.RunPath(id, triggered.Value);
        return TypedResults.Accepted(location, new TriggerView(id, triggered.Value, location));
    }

    private static async Task<Results<Entity<Ok<JobView>>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string id, HttpRequest request, string operation, Func<string, string?, CancellationToken, Task<ServiceResult<Job>>> change, IJobStore jobs, ChangeAudit audit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (RouteIds.Check(id) is { } invalid)
        {
            return invalid;
        }

        var before = await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var changed = await change(id, Preconditions.IfMatch(request), cancellationToken).ConfigureAwait(false);
        return await AuditedAsync(request, operation, before, changed, audit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The answer to a change of a job, recorded in the audit trail when it was made.</summary>
    private static async Task<Results<Entity<Ok<JobView>>, ValidationProblem, ProblemHttpResult>> AuditedAsync(
        HttpRequest request, string operation, Job? before, ServiceResult<Job> changed, ChangeAudit audit, CancellationToken cancellationToken)
    {
        if (!changed.Succeeded)
        {
            return ServiceResults.Problem(changed);
        }

        await audit.RecordJobAsync(request.HttpContext, operation, changed.Value.Id, before, changed.Value, cancellationToken).ConfigureAwait(false);
        return Entity(changed.Value);
    }
}
