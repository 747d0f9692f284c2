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

    public static async Task<IResult> CreateAsync(HttpRequest request, JobService service, JobValidator validator, IJobStore jobs, IIdempotencyStore idempotency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(idempotency);
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

        var definition = body.Value!;
        var errors = await validator.ValidateAsync(definition, cancellationToken).ConfigureAwait(false);
        if (!errors.IsValid)
        {
            return Problems.Invalid(errors);
        }

        if (validateOnly)
        {
            return TypedResults.NoContent();
        }

        if (key.Length > 0)
        {
            var claimedBy = await idempotency.ClaimAsync(key, definition.Id, cancellationToken).ConfigureAwait(false);
            if (claimedBy is not null && claimedBy != definition.Id)
            {
                return Problems.Conflict($"The Idempotency-Key was already used to create job '{claimedBy}'; use a new key for a new job.");
            }

            if (claimedBy is not null && await jobs.GetAsync(definition.Id, cancellationToken).ConfigureAwait(false) is { } replayed)
            {
                return Entity(replayed, StatusCodes.Status200OK, withLocation: true);
            }
        }
        else if (await jobs.GetAsync(definition.Id, cancellationToken).ConfigureAwait(false) is not null)
        {
            // Checked before the service writes its due row, so a refused create leaves nothing behind.
            return Problems.Conflict($"A job with id '{definition.Id}' already exists.");
        }

        var created = await service.CreateAsync(definition, cancellationToken).ConfigureAwait(false);
        return ServiceResults.Succeeded(created) ? Entity(created.Value!, StatusCodes.Status201Created, withLocation: true) : ServiceResults.Problem(created);
    }

    public static async Task<IResult> ListAsync(HttpRequest request, IJobStore jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var query = ListQuery.ForJobs(request, out var problem);
        if (problem is not null)
        {
            return problem;
        }

        var page = await jobs.ListAsync(query!, cancellationToken).ConfigureAwait(false);
        return new EntityResult(new ListView<JobView>(page.Items.Select(JobView.From).ToList(), page.Continuation), StatusCodes.Status200OK);
    }

    public static async Task<IResult> GetAsync(string id, IJobStore jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        if (RouteIds.Check(id) is { } invalid)
        {
            return invalid;
        }

        var job = await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return job is null ? Problems.NotFound($"Job '{id}' does not exist.") : Entity(job, StatusCodes.Status200OK);
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
