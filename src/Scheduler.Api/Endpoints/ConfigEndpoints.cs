using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Api.Audit;
using Scheduler.Api.Http;
using Scheduler.Api.Validation;
using Scheduler.Core.Audit;
using Scheduler.Core.Config;
using Scheduler.Core.Ports;

namespace Scheduler.Api.Endpoints;

/// <summary>Dynamic settings: lane budgets and pause-all, read by the sweep on every tick.</summary>
public static class ConfigEndpoints
{
    public static async Task<Entity<Ok<SchedulerConfig>>> GetAsync(IConfigStore config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var current = await config.GetAsync(cancellationToken).ConfigureAwait(false);
        return Entities.Ok(current, current.ETag);
    }

    // Replaces the settings; conditional on If-Match when given (the body's own etag is ignored).
    public static async Task<Results<Entity<Ok<SchedulerConfig>>, ValidationProblem, ProblemHttpResult>> PutAsync(
        HttpRequest request, IConfigStore config, ISweepSignal signal, ChangeAudit audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(signal);
        var body = await JsonBody.ReadAsync<SchedulerConfig>(request, cancellationToken).ConfigureAwait(false);
        if (!body.TryGet(out var settings, out var unreadable))
        {
            return unreadable;
        }

        var errors = ConfigRules.Check(settings);
        if (!errors.IsValid)
        {
            return Problems.Invalid(errors);
        }

        var ifMatch = Preconditions.IfMatch(request);
        var before = await config.GetAsync(cancellationToken).ConfigureAwait(false);
        var written = await config.PutAsync(settings with { ETag = ifMatch }, cancellationToken).ConfigureAwait(false);
        if (!written.Done)
        {
            return Problems.PreconditionFailed(ifMatch is null ? "The settings changed while they were written." : $"The settings are no longer at ETag '{ifMatch}'.");
        }

        signal.Kick();
        var after = settings with { ETag = written.ETag };
        await audit.RecordAsync(request.HttpContext, "PutConfig", AuditKinds.Config, AuditKinds.Config, null, AuditSnapshot.Of(before), AuditSnapshot.Of(after), cancellationToken).ConfigureAwait(false);
        return Entities.Ok(after, written.ETag);
    }
}
