using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Api.Audit;
using Scheduler.Api.Auth;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Services;
using Scheduler.Core.Validation;

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

    // Runs the job once now (also when paused), with the parameter values the body passes: 202 with the run's location; 200 with
    // the same run when the Idempotency-Key already started it; 409 when it did so with other values.
    public static async Task<Results<Accepted<TriggerView>, Ok<TriggerView>, ValidationProblem, ProblemHttpResult>> TriggerAsync(string id, HttpRequest request, RunTriggers triggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(triggers);
        if (RouteIds.Check(id) is { } invalid)
        {
            return invalid;
        }

        var key = request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length > 0 && !IdempotencyKeys.IsValid(key))
        {
            return Problems.Invalid(IdempotencyKeyHeader, IdempotencyKeys.Rule);
        }

        IReadOnlyDictionary<string, string>? parameters = null;
        if (HasBody(request))
        {
            var body = await JsonBody.ReadAsync<TriggerBody>(request, cancellationToken).ConfigureAwait(false);
            if (!body.TryGet(out var payload, out var unreadable))
            {
                return unreadable;
            }

            var errors = new ValidationErrors();
            parameters = payload.Values(errors);
            if (!errors.IsValid)
            {
                return Problems.Invalid(errors);
            }
        }

        var fromOutside = ApiCaller.Of(request.HttpContext)?.Kind == ApiCallerKind.TriggerToken;
        var triggered = await triggers.TriggerAsync(id, new TriggerRequest(parameters, key.Length > 0 ? key : null, fromOutside), cancellationToken).ConfigureAwait(false);
        if (!triggered.Succeeded)
        {
            return ServiceResults.Problem(triggered);
        }

        var location = ApiRoutes.RunPath(id, triggered.Value);
        var view = new TriggerView(id, triggered.Value, location);
        return triggered.Status == ServiceStatus.Created ? TypedResults.Accepted(location, view) : TypedResults.Ok(view);
    }

    /// <summary>A trigger without a body ("run now") is as valid as one with a payload.</summary>
    private static bool HasBody(HttpRequest request) =>
        request.ContentLength is > 0 || (request.ContentLength is null && !string.IsNullOrEmpty(request.ContentType));

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
