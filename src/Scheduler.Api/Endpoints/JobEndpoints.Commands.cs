using Microsoft.AspNetCore.Http;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Services;

namespace Scheduler.Api.Endpoints;

/// <summary>Jobs: pause, resume and run now.</summary>
public static partial class JobEndpoints
{
    public static Task<IResult> PauseAsync(string id, HttpRequest request, JobService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        return ChangeAsync(id, request, service.PauseAsync, cancellationToken);
    }

    public static Task<IResult> ResumeAsync(string id, HttpRequest request, JobService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        return ChangeAsync(id, request, service.ResumeAsync, cancellationToken);
    }

    /// <summary>Runs the job once now (also when paused): 202 with the run's future location.</summary>
    public static async Task<IResult> TriggerAsync(string id, JobService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (RouteIds.Check(id) is { } invalid)
        {
            return invalid;
        }

        var triggered = await service.TriggerAsync(id, cancellationToken).ConfigureAwait(false);
        if (!ServiceResults.Succeeded(triggered))
        {
            return ServiceResults.Problem(triggered);
        }

        var location = ApiRoutes.RunPath(id, triggered.Value!);
        return new EntityResult(new TriggerView(id, triggered.Value!, location), StatusCodes.Status202Accepted, location: location);
    }

    private static async Task<IResult> ChangeAsync(string id, HttpRequest request, Func<string, string?, CancellationToken, Task<ServiceResult<Core.Jobs.Job>>> change, CancellationToken cancellationToken)
    {
        if (RouteIds.Check(id) is { } invalid)
        {
            return invalid;
        }

        var changed = await change(id, Preconditions.IfMatch(request), cancellationToken).ConfigureAwait(false);
        return ServiceResults.Succeeded(changed) ? Entity(changed.Value!, StatusCodes.Status200OK) : ServiceResults.Problem(changed);
    }
}
