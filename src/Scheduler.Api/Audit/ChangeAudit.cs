using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Scheduler.Api.Auth;
using Scheduler.Api.Models;
using Scheduler.Core.Audit;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;

namespace Scheduler.Api.Audit;

/// <summary>Records a change made through the API, after it was made: who (the <see cref="ApiCaller"/> the access check let
/// through), what, when, before and after (<see cref="AuditSnapshot"/>). The endpoints of both hosts call it, so every change is
/// recorded once whichever host served it. A failed write does not undo or fail the change, which is done by then: it is logged as
/// an error carrying the whole entry, so the gap is visible where the host's logs go.</summary>
public sealed class ChangeAudit(IAuditLog log, TimeProvider time, ILogger<ChangeAudit> logger)
{
    /// <summary>A change to a job, shown as the API shows jobs.</summary>
    public Task RecordJobAsync(HttpContext context, string operation, string jobId, Job? before, Job? after, CancellationToken cancellationToken) =>
        RecordAsync(context, operation, AuditKinds.Job, jobId, jobId, Snapshot(before), Snapshot(after), cancellationToken);

    public async Task RecordAsync(HttpContext context, string operation, string kind, string id, string? jobId, string? before, string? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entry = new AuditEntry
        {
            AtUtc = time.GetUtcNow(),
            Caller = ApiCaller.Of(context)?.Name ?? "unknown",
            Operation = operation,
            EntityKind = kind,
            EntityId = id,
            JobId = jobId,
            Before = before,
            After = after,
        };
        try
        {
            await log.RecordAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.AuditNotRecorded(logger, entry.Operation, entry.EntityKind, entry.EntityId, entry.Caller, entry.AtUtc, entry.Before, entry.After, e);
        }
    }

    private static string? Snapshot(Job? job) => job is null ? null : AuditSnapshot.Of(JobView.From(job));
}
