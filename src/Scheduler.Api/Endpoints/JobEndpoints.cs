using Microsoft.AspNetCore.Http;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Services;
using Scheduler.Core.Validation;

namespace Scheduler.Api.Endpoints;

/// <summary>Jobs: create, list, read, replace and delete. Every handler writes nothing when it answers with an error.</summary>
public static partial class JobEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static async Task<IResult> CreateAsync(HttpRequest request, JobService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(service);
        var key = request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length > 0 && !IdempotencyKeys.IsValid(key))
        {
            return Problems.Invalid(IdempotencyKeyHeader, IdempotencyKeys.Rule);
        }

        if (!ValidateOnly.TryRead(request, out var validateOnly, out var flagProblem))
        {
            return flagProblem!;
        }

        var body = await JsonBody.ReadAsync<JobDefinition>(request, cancellationToken).ConfigureAwait(false);
        if (body.Failed)
        {
            return body.Problem!;
        }

        if (validateOnly)
        {
            var errors = await service.ValidateAsync(body.Value!, cancellationToken).ConfigureAwait(false);
            return errors.IsValid ? TypedResults.NoContent() : Problems.Invalid(errors);
        }

        var created = await service.CreateAsync(body.Value!, key, cancellationToken).ConfigureAwait(false);
        return created.Status switch
        {
            ServiceStatus.Created => Entity(created.Value!, StatusCodes.Status201Created, withLocation: true),
            ServiceStatus.Ok => Entity(created.Value!, StatusCodes.Status200OK, withLocation: true),
            _ => ServiceResults.Problem(created),
        };
    }

    /// <summary>A page of jobs, each with its last run's status and times (so a list needs no request per job).</summary>
    public static async Task<IResult> ListAsync(HttpRequest request, IJobStore jobs, IRunStore runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(runs);
        var query = ListQuery.ForJobs(request, out var problem);
        if (problem is not null)
        {
            return problem;
        }

        var page = await jobs.ListAsync(query!, cancellationToken).ConfigureAwait(false);
        var last = await LastRuns.ReadAsync(runs, page.Items, cancellationToken).ConfigureAwait(false);
        var views = page.Items.Select(j => JobView.From(j, last.GetValueOrDefault(j.Id))).ToList();
        return new EntityResult(new ListView<JobView>(views, page.Continuation), StatusCodes.Status200OK);
    }

    public static async Task<IResult> GetAsync(string id, IJobStore jobs, IRunStore runs, CancellationToken cancellationToken)
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

        var last = await LastRuns.ReadAsync(runs, [job], cancellationToken).ConfigureAwait(false);
        return new EntityResult(JobView.From(job, last.GetValueOrDefault(job.Id)), StatusCodes.Status200OK, job.ETag);
    }

    public static async Task<IResult> ReplaceAsync(string id, HttpRequest request, JobService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (RouteIds.Check(id) is { } invalid)
        {
            return invalid;
        }

        var body = await JsonBody.ReadAsync<JobDefinition>(request, cancellationToken).ConfigureAwait(false);
        if (body.Failed)
        {
            return body.Problem!;
        }

        if (!string.Equals(body.Value!.Id, id, StringComparison.Ordinal))
        {
            return Problems.Invalid("id", $"The body's id '{body.Value.Id}' differs from the id in the path '{id}'; a job's id cannot change.");
        }

        var replaced = await service.ReplaceAsync(body.Value, Preconditions.IfMatch(request), cancellationToken).ConfigureAwait(false);
        return ServiceResults.Succeeded(replaced) ? Entity(replaced.Value!, StatusCodes.Status200OK) : ServiceResults.Problem(replaced);
    }

    public static async Task<IResult> DeleteAsync(string id, HttpRequest request, JobService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (RouteIds.Check(id) is { } invalid)
        {
            return invalid;
        }

        var deleted = await service.DeleteAsync(id, Preconditions.IfMatch(request), cancellationToken).ConfigureAwait(false);
        return ServiceResults.Succeeded(deleted) ? TypedResults.NoContent() : ServiceResults.Problem(deleted);
    }

    internal static EntityResult Entity(Job job, int status, bool withLocation = false) =>
        new(JobView.From(job), status, job.ETag, withLocation ? ApiRoutes.JobPath(job.Id) : null);
}
