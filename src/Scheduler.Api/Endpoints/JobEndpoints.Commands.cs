using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Jobs;
using Scheduler.Core.Services;

namespace Scheduler.Api.Endpoints;

/// <summary>Jobs: pause, resume and run now.</summary>
public static partial class JobEndpoints
{
    public static Task<Results<Entity<Ok<JobView>>, ValidationProblem, ProblemHttpResult>> PauseAsync(string id, HttpRequest request, JobService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        return ChangeAsync(id, request, service.PauseAsync, cancellationToken);
    }

    public static Task<Results<Entity<Ok<JobView>>, ValidationProblem, ProblemHttpResult>> ResumeAsync(string id, HttpRequest request, JobService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        return ChangeAsync(id, request, service.ResumeAsync, cancellationToken);
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
        string id, HttpRequest request, Func<string, string?, CancellationToken, Task<ServiceResult<Job>>> change, CancellationToken cancellationToken)
    {
        if (RouteIds.Check(id) is { } invalid)
        {
            return invalid;
        }

        var changed = await change(id, Preconditions.IfMatch(request), cancellationToken).ConfigureAwait(false);
        return changed.Succeeded ? Entity(changed.Value) : ServiceResults.Problem(changed);
    }
}
