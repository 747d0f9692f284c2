using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Scheduler.Api;
using Scheduler.Api.Endpoints;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using Scheduler.Core.Stats;

namespace Scheduler.Functions.Http;

/// <summary>Config, stats and their history, health (anonymous) and schedule preview.</summary>
public sealed class OperationsFunctions(IConfigStore config, IJobStore jobs, RunHistory history, ISlotStore slots, ISweepSignal signal, SweepOptions sweep, TimeProvider time)
{
    [Function("GetConfig")]
    public Task<IResult> GetConfig([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Config)] HttpRequest request, CancellationToken cancellationToken) =>
        ConfigEndpoints.GetAsync(config, cancellationToken);

    [Function("PutConfig")]
    public Task<IResult> PutConfig([HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Config)] HttpRequest request, CancellationToken cancellationToken) =>
        ConfigEndpoints.PutAsync(request, config, signal, cancellationToken);

    [Function("GetStats")]
    public Task<IResult> GetStats([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Stats)] HttpRequest request, CancellationToken cancellationToken) =>
        StatsEndpoints.GetAsync(jobs, history, slots, config, time, cancellationToken);

    [Function("GetStatsHistory")]
    public Task<IResult> GetStatsHistory([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.StatsHistory)] HttpRequest request, CancellationToken cancellationToken) =>
        StatsHistoryEndpoints.GetAsync(request, history, time, cancellationToken);

    [Function("GetHealth")]
    public Task<IResult> GetHealth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request, CancellationToken cancellationToken) =>
        HealthEndpoints.GetAsync(config, sweep, time, cancellationToken);

    [Function("PreviewSchedule")]
    public Task<IResult> Preview([HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.SchedulePreview)] HttpRequest request, CancellationToken cancellationToken) =>
        PreviewEndpoints.PreviewAsync(request, time, cancellationToken);
}
