using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Api.Audit;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Dependencies;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Services;
using Scheduler.Core.Tokens;

namespace Scheduler.Api.Endpoints;

/// <summary>Jobs: create, list, read, replace and delete. Every handler writes nothing when it answers with an error.</summary>
public static partial class JobEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    // 201 with the new job; 200 with the stored job when the Idempotency-Key already created it (a replay); 204 when only
    // validating a valid definition. (No XML summary: it would replace the route's WithSummary in the OpenAPI document.)
    public static async Task<Results<Entity<Created<JobView>>, Entity<Ok<JobView>>, NoContent, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpRequest request, JobService service, ChangeAudit audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(audit);
        var key = request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length > 0 && !IdempotencyKeys.IsValid(key))
        {
            return Problems.Invalid(IdempotencyKeyHeader, IdempotencyKeys.Rule);
        }

        if (!ValidateOnly.TryRead(request, out var validateOnly, out var flagProblem))
        {
            return flagProblem;
        }

        var body = await JsonBody.ReadAsync<JobDefinition>(request, cancellationToken).ConfigureAwait(false);
        if (!body.TryGet(out var definition, out var unreadable))
        {
            return unreadable;
        }

        if (validateOnly)
        {
            var errors = await service.ValidateAsync(definition, cancellationToken).ConfigureAwait(false);
            return errors.IsValid ? TypedResults.NoContent() : Problems.Invalid(errors);
        }

        var created = await service.CreateAsync(definition, key, cancellationToken).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return ServiceResults.Problem(created);
        }

        var job = created.Value;
        if (created.Status == ServiceStatus.Created)
        {
            await audit.RecordJobAsync(request.HttpContext, "CreateJob", job.Id, null, job, cancellationToken).ConfigureAwait(false);
        }

        return created.Status == ServiceStatus.Created
            ? Entities.Created(JobView.From(job), job.ETag, ApiRoutes.JobPath(job.Id))
            : Entities.Ok(JobView.From(job), job.ETag, ApiRoutes.JobPath(job.Id));
    }

    // A page of jobs, each with its last run's status and times (so a list needs no request per job).
    public static async Task<Results<Ok<ListView<JobView>>, ValidationProblem>> ListAsync(HttpRequest request, IJobStore jobs, IRunStore runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(runs);
        if (ListQuery.ForJobs(request, out var problem) is not { } query)
        {
            return problem!;
        }

        var page = await jobs.ListAsync(query, cancellationToken).ConfigureAwait(false);
        var last = await LastRuns.ReadAsync(runs, page.Items, cancellationToken).ConfigureAwait(false);
        var views = page.Items.Select(j => JobView.From(j, last.GetValueOrDefault(j.Id))).ToList();
        return TypedResults.Ok(new ListView<JobView>(views, page.Continuation));
    }

    public static async Task<Results<Entity<Ok<JobView>>, ValidationProblem, ProblemHttpResult>> GetAsync(string id, IJobStore jobs, IRunStore runs, ParentLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(runs);
        if (RouteIds.Check(id) is { } invalid)
        {
            return invalid;
        }

        var job = await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            return Problems.NotFound($"Job '{id}' does not exist.");
        }

        ArgumentNullException.ThrowIfNull(links);
        var last = await LastRuns.ReadAsync(runs, [job], cancellationToken).ConfigureAwait(false);
        var children = await links.ChildrenOfAsync(job, cancellationToken).ConfigureAwait(false);
        return Entities.Ok(JobView.From(job, last.GetValueOrDefault(job.Id)) with { Children = [.. children.Select(c => c.Id)] }, job.ETag);
    }

    public static async Task<Results<Entity<Ok<JobView>>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        string id, HttpRequest request, JobService service, IJobStore jobs, ChangeAudit audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(jobs);
        if (RouteIds.Check(id) is { } invalid)
        {
            return invalid;
        }

        var body = await JsonBody.ReadAsync<JobDefinition>(request, cancellationToken).ConfigureAwait(false);
        if (!body.TryGet(out var definition, out var unreadable))
        {
            return unreadable;
        }

        if (!string.Equals(definition.Id, id, StringComparison.Ordinal))
        {
            return Problems.Invalid("id", $"The body's id '{definition.Id}' differs from the id in the path '{id}'; a job's id cannot change.");
        }

        var before = await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var replaced = await service.ReplaceAsync(definition, Preconditions.IfMatch(request), cancellationToken).ConfigureAwait(false);
        return await AuditedAsync(request, "ReplaceJob", before, replaced, audit, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string id, HttpRequest request, JobService service, IJobStore jobs, TriggerTokens tokens, ChangeAudit audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(audit);
        if (RouteIds.Check(id) is { } invalid)
        {
            return invalid;
        }

        if (!RunsOnDelete.TryRead(request, out var removeRuns, out var badRuns))
        {
            return badRuns;
        }

        if (!ChildrenOnDelete.TryRead(request, out var detachChildren, out var badChildren))
        {
            return badChildren;
        }

        var before = await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var deleted = await service.DeleteAsync(id, Preconditions.IfMatch(request), removeRuns, detachChildren, cancellationToken).ConfigureAwait(false);
        if (!deleted.Succeeded)
        {
            return ServiceResults.Problem(deleted);
        }

        await tokens.ForgetJobAsync(id, cancellationToken).ConfigureAwait(false);
        await audit.RecordJobAsync(request.HttpContext, "DeleteJob", id, before, null, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static Entity<Ok<JobView>> Entity(Job job) => Entities.Ok(JobView.From(job), job.ETag);
}
