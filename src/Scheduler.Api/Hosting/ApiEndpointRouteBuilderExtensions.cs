using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Scheduler.Api.Auth;
using Scheduler.Api.Endpoints;
using Scheduler.Api.Health;
using Scheduler.Api.Models;
using Scheduler.Api.OpenApi;
using Scheduler.Core.Config;
using Scheduler.Core.Connections;
using Scheduler.Core.Jobs;

namespace Scheduler.Api.Hosting;

/// <summary>Maps the API under <c>/api</c> for the Server host. Everything but health needs an API key whose role covers the endpoint's (<see cref="OperationRoles"/>). Each handler's typed
/// result describes its successes and its field-rule 400 in the OpenAPI document; the problems listed here are those a
/// <see cref="Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult"/> carries, whose status is known only when it is made.</summary>
public static class ApiEndpointRouteBuilderExtensions
{
    private const string Json = "application/json";

    public static RouteGroupBuilder MapSchedulerApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/" + ApiRoutes.Prefix);
        api.MapGet(ApiRoutes.Health, HealthEndpoints.GetWithStatusAsync).WithTags(ApiTags.Health).WithName("GetHealth").AllowAnonymous()
            .Describe("Check health", "Storage reachable and sweep heartbeat age (no key needed): 200 Healthy or Degraded (the sweep heartbeat is older than three ticks and a minute); 503 with the reason within 2 s when storage is unreachable or not reached yet.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        var secured = api.MapGroup("").AddEndpointFilter<ApiKeyEndpointFilter>().AddEndpointFilter<StorageReadyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        MapJobs(secured.MapGroup("").WithTags(ApiTags.Jobs));
        MapRuns(secured.MapGroup("").WithTags(ApiTags.Runs));
        MapOperations(secured.MapGroup("").WithTags(ApiTags.Operations));
        MapConnections(secured.MapGroup("").WithTags(ApiTags.Connections));
        MapTokens(secured.MapGroup("").WithTags(ApiTags.Tokens));
        MapAudit(secured.MapGroup("").WithTags(ApiTags.Audit));
        return api;
    }

    private static void MapJobs(RouteGroupBuilder jobs)
    {
        jobs.MapPost(ApiRoutes.Jobs, JobEndpoints.CreateAsync).WithName("CreateJob")
            .Describe("Create a job", "201 with the job, its Location and its ETag. Send Idempotency-Key to make retries safe: a retry answers 200 with the same job. With ?validateOnly=true the definition is only checked: 204 when valid, nothing saved.")
            .Accepts<JobDefinition>(Json).ProducesProblem(StatusCodes.Status409Conflict).ProducesBodyProblems();
        jobs.MapGet(ApiRoutes.Jobs, JobEndpoints.ListAsync).WithName("ListJobs")
            .Describe("List jobs", "Jobs by id, each with its last run's status and times. Filters: status, tag, lane, text (in the id or name); paging: limit (1-200), continuation.");
        jobs.MapGet(ApiRoutes.Job, JobEndpoints.GetAsync).WithName("GetJob")
            .Describe("Read a job", "The job's definition and state, with its last run and its children (the jobs that name it in 'after'); its ETag is in the ETag header.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapPut(ApiRoutes.Job, JobEndpoints.ReplaceAsync).WithName("ReplaceJob")
            .Describe("Replace a job", "Replaces the job's definition (the body's id must be the path's); If-Match makes it conditional (412 when the job changed since).")
            .Accepts<JobDefinition>(Json).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesBodyProblems();
        jobs.MapDelete(ApiRoutes.Job, JobEndpoints.DeleteAsync).WithName("DeleteJob")
            .Describe("Delete a job", "Deletes the job; If-Match makes it conditional (412 when it changed since). Its runs are kept until retention removes them (Scheduler:Retention:RunsFor); with ?runs=remove its ended runs are deleted with it (runs still under way end, then go by retention). A job that other jobs name in 'after' is refused (409, naming them) unless ?children=detach, which removes it from their 'after' lists first.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        jobs.MapPost(ApiRoutes.JobPause, JobEndpoints.PauseAsync).WithName("PauseJob")
            .Describe("Pause a job", "Stops future occurrences; runs in flight finish. If-Match makes it conditional.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        jobs.MapPost(ApiRoutes.JobResume, JobEndpoints.ResumeAsync).WithName("ResumeJob")
            .Describe("Resume a job", "Schedules the job again from now on. If-Match makes it conditional.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        jobs.MapPost(ApiRoutes.JobTrigger, JobEndpoints.TriggerAsync).WithName("TriggerJob")
            .Describe("Run a job now", "Runs the job once now, outside its schedule and also when paused: 202 with the Location of the run, which exists by then unless its lane is full. An optional body {\"parameters\": {...}} gives values for the job's declared parameters (400 naming one it does not declare); the run keeps them for every attempt. Send Idempotency-Key to make retries safe: a repeat answers 200 with the same run, the same key with other parameters 409. A call with a body or a key is an External run, one with neither a Manual one.")
            .Accepts<TriggerBody>(true, Json).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesBodyProblems();
    }

    private static void MapRuns(RouteGroupBuilder runs)
    {
        runs.MapGet(ApiRoutes.JobRuns, RunEndpoints.ListByJobAsync).WithName("ListRuns")
            .Describe("List a job's runs", "The job's runs, newest first; paging: limit, continuation.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet(ApiRoutes.JobAlerts, AlertEndpoints.ListByJobAsync).WithName("ListAlerts")
            .Describe("List a job's alerts", "The job's alerts, newest first, sent and suppressed by a cooldown, each with its id, rule, run and delivery (the last Scheduler:Alerts:HistoryPerJob, 50 by default).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapGet(ApiRoutes.Runs, RunEndpoints.ListAsync).WithName("ListAllRuns")
            .Describe("List runs across jobs", "Runs of every job, newest first: everything that failed in the last hour is ?status=Failed. Filters: status, since and until (ISO 8601, the last hour by default, at most 7 days apart); paging: limit, continuation.");
        runs.MapGet(ApiRoutes.Run, RunEndpoints.GetAsync).WithName("GetRun")
            .Describe("Read a run", "One run with its definition as it ran and its attempts (with per-command results for command and SSH targets); its ETag is in the ETag header.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapPost(ApiRoutes.RunCancel, RunEndpoints.CancelAsync).WithName("CancelRun")
            .Describe("Cancel a run", "A waiting run ends now; a running attempt is interrupted within about a second and no retry follows. 409 when the run already finished.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapOperations(RouteGroupBuilder ops)
    {
        ops.MapGet(ApiRoutes.Config, ConfigEndpoints.GetAsync).WithName("GetConfig")
            .Describe("Read the settings", "Lane budgets and pause-all; the ETag is in the ETag header.");
        ops.MapPut(ApiRoutes.Config, ConfigEndpoints.PutAsync).WithName("PutConfig")
            .Describe("Replace the settings", "Replaces lane budgets (0-1000 each) and pause-all, honoured from the next sweep tick. If-Match makes it conditional (the body's own eTag is ignored).")
            .Accepts<SchedulerConfig>(Json).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesBodyProblems();
        ops.MapGet(ApiRoutes.Stats, StatsEndpoints.GetAsync).WithName("GetStats")
            .Describe("Read the stats", "Jobs by status, runs finished in the last hour by final status, lateness percentiles, slots per lane, throttling, last sweep, poison messages waiting for a person.");
        ops.MapGet(ApiRoutes.StatsHistory, StatsHistoryEndpoints.GetAsync).WithName("GetStatsHistory")
            .Describe("Read the stats' history", "Runs by final status and lateness percentiles over time, one point per step: window=1h (by minute, the default) or 24h (by 15 minutes). A step without runs has no percentiles.");
        ops.MapGet(ApiRoutes.Poison, PoisonEndpoints.ListAsync).WithName("ListPoison")
            .Describe("List poison messages", "Messages the runs queue gave up on: the approximate count and the first 32 (id, when it arrived, reads, text). They never expire: requeue or delete each one.");
        ops.MapGet(ApiRoutes.PoisonMessage, PoisonEndpoints.GetAsync).WithName("GetPoison")
            .Describe("Read a poison message", "One message among the first 32 of the poison queue.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        ops.MapPost(ApiRoutes.PoisonRequeue, PoisonEndpoints.RequeueAsync).WithName("RequeuePoison")
            .Describe("Requeue a poison message", "Sends the message back to the runs queue (its run is processed again, idempotently) and removes it from the poison queue.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        ops.MapDelete(ApiRoutes.PoisonMessage, PoisonEndpoints.DeleteAsync).WithName("DeletePoison")
            .Describe("Delete a poison message", "Removes the message for good.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        ops.MapPost(ApiRoutes.SchedulePreview, PreviewEndpoints.PreviewAsync).WithName("PreviewSchedule")
            .Describe("Preview a schedule", "The next occurrences (count 1-100) of a schedule, in UTC and in its time zone with its UTC offset; a note says when daylight saving moved one (a local time that does not exist) or repeated it (a local time that comes twice).")
            .Accepts<PreviewRequest>(Json).ProducesBodyProblems();
    }

    private static void MapConnections(RouteGroupBuilder connections)
    {
        connections.MapGet(ApiRoutes.Connections, ConnectionEndpoints.ListAsync).WithName("ListConnections")
            .Describe("List connections", "Every SSH connection profile, by name.");
        connections.MapPost(ApiRoutes.Connections, ConnectionEndpoints.CreateAsync).WithName("CreateConnection")
            .Describe("Create a connection", "Creates an SSH connection profile (201 with its Location and ETag). It names a secret (secretRef), which must be known to the host, and never holds one.")
            .Accepts<ConnectionProfile>(Json).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesBodyProblems();
        connections.MapGet(ApiRoutes.Connection, ConnectionEndpoints.GetAsync).WithName("GetConnection")
            .Describe("Read a connection", "One SSH connection profile; its ETag is in the ETag header.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        connections.MapPut(ApiRoutes.Connection, ConnectionEndpoints.ReplaceAsync).WithName("ReplaceConnection")
            .Describe("Replace a connection", "Replaces the profile (the body's name must be the path's); If-Match makes it conditional (412 when it changed since).")
            .Accepts<ConnectionProfile>(Json).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesBodyProblems();
        connections.MapDelete(ApiRoutes.Connection, ConnectionEndpoints.DeleteAsync).WithName("DeleteConnection")
            .Describe("Delete a connection", "Deletes the profile; If-Match makes it conditional (412 when it changed since).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static void MapTokens(RouteGroupBuilder tokens)
    {
        tokens.MapPost(ApiRoutes.JobTokens, TokenEndpoints.CreateAsync).WithName("CreateTriggerToken")
            .Describe("Create a trigger token", "201 with a token that may only trigger this job (POST .../trigger, sent as 'Authorization: Bearer <token>' or X-Api-Key), shown this once and stored as its SHA-256. Body: {} or {\"name\": ..., \"expiresUtc\": ...}. A job holds at most 20.")
            .Accepts<TokenRequest>(Json).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesBodyProblems();
        tokens.MapGet(ApiRoutes.JobTokens, TokenEndpoints.ListAsync).WithName("ListTriggerTokens")
            .Describe("List a job's trigger tokens", "Id, name, creation, expiry and creator of each token; never the token itself.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        tokens.MapDelete(ApiRoutes.JobToken, TokenEndpoints.RevokeAsync).WithName("RevokeTriggerToken")
            .Describe("Revoke a trigger token", "Deletes the token: it is refused from the next request on.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void MapAudit(RouteGroupBuilder audit)
    {
        audit.MapGet(ApiRoutes.Audit, AuditEndpoints.ListAsync).WithName("ListAudit")
            .Describe("List changes", "Changes made through the API, newest first: who (the key's name), operation, entity, when, before and after. Filters: kind (job, config, connection, token), entity, caller, since and until (ISO 8601, the last 30 days by default); paging: limit, continuation. Kept for Scheduler:Retention:AuditFor.");
        audit.MapGet(ApiRoutes.JobAudit, AuditEndpoints.ListByJobAsync).WithName("ListJobAudit")
            .Describe("List a job's changes", "The job's changes and its trigger tokens', newest first, also after the job was deleted; the same filters and paging as the list across jobs.");
    }

    /// <summary>A short summary (the reference's menu, a generated client's method comment) and the full description.</summary>
    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string summary, string description) =>
        builder.WithSummary(summary).WithDescription(description);

    /// <summary>What reading a JSON body can answer besides a 400: too large, or not JSON.</summary>
    private static RouteHandlerBuilder ProducesBodyProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
