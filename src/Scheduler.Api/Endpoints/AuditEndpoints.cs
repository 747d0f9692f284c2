using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Ports;

namespace Scheduler.Api.Endpoints;

/// <summary>The audit trail: every change made through the API, newest first, across jobs or for one job (its own changes and its
/// trigger tokens'; a deleted job's history too).</summary>
public static class AuditEndpoints
{
    public static Task<Results<Ok<ListView<AuditEntryView>>, ValidationProblem>> ListAsync(HttpRequest request, IAuditLog log, TimeProvider time, CancellationToken cancellationToken) =>
        ListAsync(request, null, log, time, cancellationToken);

    public static async Task<Results<Ok<ListView<AuditEntryView>>, ValidationProblem>> ListByJobAsync(
        string id, HttpRequest request, IAuditLog log, TimeProvider time, CancellationToken cancellationToken) =>
        RouteIds.Check(id) is { } invalid ? invalid : await ListAsync(request, id, log, time, cancellationToken).ConfigureAwait(false);

    private static async Task<Results<Ok<ListView<AuditEntryView>>, ValidationProblem>> ListAsync(
        HttpRequest request, string? jobId, IAuditLog log, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(time);
        if (AuditListQuery.From(request, jobId, time.GetUtcNow(), out var problem) is not { } query)
        {
            return problem!;
        }

        var page = await log.ListAsync(query, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ListView<AuditEntryView>([.. page.Items.Select(AuditEntryView.From)], page.Continuation));
    }
}
