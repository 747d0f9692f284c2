using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Scheduler.Api;
using Scheduler.Api.Audit;
using Scheduler.Api.Endpoints;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using Scheduler.Core.Stats;

namespace Scheduler.Functions.Http;

/// <summary>Config, stats and their history, health (anonymous) and schedule preview.</summary>
public sealed class OperationsFunctions(IConfigStore config, IJobStore jobs, RunHistory history, ISlotStore slots, ISweepSignal signal, SweepOptions sweep, IPoisonMessages poison, TimeProvider time, ChangeAudit audit)
{
    [Function("GetConfig")]
    public async Task<IResult> GetConfig([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Config)] HttpRequest request, CancellationToken cancellationToken) =>
        await ConfigEndpoints.GetAsync(config, cancellationToken).ConfigureAwait(false);

    [Function("PutConfig")]
    public async Task<IResult> PutConfig([HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Config)] HttpRequest request, CancellationToken cancellationToken) =>
        await ConfigEndpoints.PutAsync(request, config, signal, audit, cancellationToken).ConfigureAwait(false);

    [Function("GetStats")]
    public async Task<IResult> GetStats([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Stats)] HttpRequest request, CancellationToken cancellationToken) =>
        await StatsEndpoints.GetAsync(jobs, history, slots, config, poison, time, cancellationToken).ConfigureAwait(false);

    [Function("GetStatsHistory")]
    public async Task<IResult> GetStatsHistory([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.StatsHistory)] HttpRequest request, CancellationToken cancellationToken) =>
        await StatsHistoryEndpoints.GetAsync(request, history, time, cancellationToken).ConfigureAwait(false);

    [Function("GetHealth")]
    public async Task<IResult> GetHealth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request, CancellationToken cancellationToken) =>
        await HealthEndpoints.GetAsync(config, sweep, time, cancellationToken).ConfigureAwait(false);

    [Function("PreviewSchedule")]
    public async Task<IResult> Preview([HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.SchedulePreview)] HttpRequest request, CancellationToken cancellationToken) =>
        await PreviewEndpoints.PreviewAsync(request, time, cancellationToken).ConfigureAwait(false);
}
