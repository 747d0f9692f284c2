using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Ports;

namespace Scheduler.Api.Endpoints;

/// <summary>A job's alerts: the bounded history of those sent and suppressed, newest first.</summary>
public static class AlertEndpoints
{
    public static async Task<Results<Ok<ListView<AlertView>>, ValidationProblem, ProblemHttpResult>> ListByJobAsync(string id, IAlertStore alerts, IJobStore jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(jobs);
        if (RouteIds.Check(id) is { } invalid)
        {
            return invalid;
        }

        var history = await alerts.ListAsync(id, cancellationToken).ConfigureAwait(false);
        if (history.Count == 0 && await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.NotFound($"Job '{id}' does not exist.");
        }

        return TypedResults.Ok(new ListView<AlertView>([.. history.Select(AlertView.From)]));
    }
}
