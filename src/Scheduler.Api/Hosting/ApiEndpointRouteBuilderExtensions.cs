using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scheduler.Api.Auth;
using Scheduler.Api.Endpoints;
using Scheduler.Api.Health;
using Scheduler.Api.Models;
using Scheduler.Core.Config;
using Scheduler.Core.Connections;
using Scheduler.Core.Jobs;

namespace Scheduler.Api.Hosting;

/// <summary>Maps the API under <c>/api</c> for the Server host. Everything but health needs an API key. Each handler's typed
/// result describes its successes and its field-rule 400 in the OpenAPI document; the problems listed here are those a
/// <see cref="Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult"/> carries, whose status is known only when it is made.</summary>
public static class ApiEndpointRouteBuilderExtensions
{
    private const string Json = "application/json";

    public static RouteGroupBuilder MapSchedulerApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/" + ApiRoutes.Prefix);
        api.MapGet(ApiRoutes.Health, HealthEndpoints.GetWithStatusAsync).WithTags("Health").WithName("GetHealth").AllowAnonymous()
            .WithSummary("Storage reachable and sweep heartbeat age (no key needed); 503 with the reason within 2 s when storage is unreachable or not reached yet.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        var secured = api.MapGroup("").AddEndpointFilter<ApiKeyEndpointFilter>().AddEndpointFilter<StorageReadyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        MapJobs(secured.MapGroup("").WithTags("Jobs"));
        MapRuns(secured.MapGroup("").WithTags("Runs"));
        MapOperations(secured.MapGroup("").WithTags("Operations"));
        MapConnections(secured.MapGroup("").WithTags("Connections"));
        return api;
    }

    private static void MapJobs(RouteGroupBuilder jobs)
    {
        jobs.MapPost(ApiRoutes.Jobs, JobEndpoints.CreateAsync).WithName("CreateJob")
            .WithSummary("Create a job (201 + Location + ETag). Send Idempotency-Key to make retries safe: a retry returns the same job. With ?validateOnly=true the definition is only checked: 204 when valid, nothing saved.")
            .Accepts<JobDefinition>(Json).ProducesProblem(StatusCodes.Status409Conflict).ProducesBodyProblems();
        jobs.MapGet(ApiRoutes.Jobs, JobEndpoints.ListAsync).WithName("ListJobs")
            .WithSummary("List jobs by id; filters: status, tag, lane, text (id or name); paging: limit (1-200), continuation.");
        jobs.MapGet(ApiRoutes.Job, JobEndpoints.GetAsync).WithName("GetJob").WithSummary("Read a job; its ETag is in the ETag header.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapPut(ApiRoutes.Job, JobEndpoints.ReplaceAsync).WithName("ReplaceJob")
            .WithSummary("Replace a job's definition (the ids must match); If-Match makes it conditional (412 on mismatch).")
            .Accepts<JobDefinition>(Json).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesBodyProblems();
        jobs.MapDelete(ApiRoutes.Job, JobEndpoints.DeleteAsync).WithName("DeleteJob").WithSummary("Delete a job; If-Match optional.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        jobs.MapPost(ApiRoutes.JobPause, JobEndpoints.PauseAsync).WithName("PauseJob").WithSummary("Stop future occurrences (runs in flight finish).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        jobs.MapPost(ApiRoutes.JobResume, JobEndpoints.ResumeAsync).WithName("ResumeJob").WithSummary("Resume from now on.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        jobs.MapPost(ApiRoutes.JobTrigger, JobEndpoints.TriggerAsync).WithName("TriggerJob")
            .WithSummary("Run once now, outside the schedule (202 + Location of the run, which exists by then unless its lane is full).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapRuns(RouteGroupBuilder runs)
    {
        runs.MapGet(ApiRoutes.JobRuns, RunEndpoints.ListByJobAsync).WithName("ListRuns").WithSummary("A job's runs, newest first; paging: limit, continuation.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet(ApiRoutes.Runs, RunEndpoints.ListAsync).WithName("ListAllRuns")
            .WithSummary("Runs across jobs, newest first; filters: status, since and until (ISO 8601, the last hour by default, at most 7 days apart); paging: limit, continuation.");
        runs.MapGet(ApiRoutes.Run, RunEndpoints.GetAsync).WithName("GetRun").WithSummary("One run with its attempts (and per-command results).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapPost(ApiRoutes.RunCancel, RunEndpoints.CancelAsync).WithName("CancelRun")
            .WithSummary("Cancel a run: a waiting run ends now, a running attempt is interrupted within about a second; 409 when already finished.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapOperations(RouteGroupBuilder ops)
    {
        ops.MapGet(ApiRoutes.Config, ConfigEndpoints.GetAsync).WithName("GetConfig").WithSummary("Lane budgets and pause-all; ETag in the header.");
        ops.MapPut(ApiRoutes.Config, ConfigEndpoints.PutAsync).WithName("PutConfig")
            .WithSummary("Replace lane budgets (0-1000 each) and pause-all; honoured from the next sweep tick. If-Match optional.")
            .Accepts<SchedulerConfig>(Json).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesBodyProblems();
        ops.MapGet(ApiRoutes.Stats, StatsEndpoints.GetAsync).WithName("GetStats")
            .WithSummary("Jobs by status, runs finished in the last hour by final status, lateness percentiles, slots per lane, throttling, last sweep.");
        ops.MapGet(ApiRoutes.StatsHistory, StatsHistoryEndpoints.GetAsync).WithName("GetStatsHistory")
            .WithSummary("Runs by final status and lateness percentiles over time: window=1h (by minute, the default) or 24h (by 15 minutes).");
        ops.MapPost(ApiRoutes.SchedulePreview, PreviewEndpoints.PreviewAsync).WithName("PreviewSchedule")
            .WithSummary("The next occurrences (count 1-100) of a schedule, in UTC and in its time zone with its UTC offset; a note says when daylight saving moved one (a local time that does not exist) or repeated it (a local time that comes twice).")
            .Accepts<PreviewRequest>(Json).ProducesBodyProblems();
    }

    private static void MapConnections(RouteGroupBuilder connections)
    {
        connections.MapGet(ApiRoutes.Connections, ConnectionEndpoints.ListAsync).WithName("ListConnections");
        connections.MapPost(ApiRoutes.Connections, ConnectionEndpoints.CreateAsync).WithName("CreateConnection")
            .WithSummary("Create an SSH connection profile; it names a secret (secretRef) and never holds one.")
            .Accepts<ConnectionProfile>(Json).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesBodyProblems();
        connections.MapGet(ApiRoutes.Connection, ConnectionEndpoints.GetAsync).WithName("GetConnection")
            .ProducesProblem(StatusCodes.Status404NotFound);
        connections.MapPut(ApiRoutes.Connection, ConnectionEndpoints.ReplaceAsync).WithName("ReplaceConnection")
            .Accepts<ConnectionProfile>(Json).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesBodyProblems();
        connections.MapDelete(ApiRoutes.Connection, ConnectionEndpoints.DeleteAsync).WithName("DeleteConnection")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    /// <summary>What reading a JSON body can answer besides a 400: too large, or not JSON.</summary>
    private static RouteHandlerBuilder ProducesBodyProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
