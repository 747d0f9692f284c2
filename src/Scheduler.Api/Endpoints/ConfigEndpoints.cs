using Microsoft.AspNetCore.Http;
using Scheduler.Api.Http;
using Scheduler.Api.Validation;
using Scheduler.Core.Config;
using Scheduler.Core.Ports;

namespace Scheduler.Api.Endpoints;

/// <summary>Dynamic settings: lane budgets and pause-all, read by the sweep on every tick.</summary>
public static class ConfigEndpoints
{
    public static async Task<IResult> GetAsync(IConfigStore config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var current = await config.GetAsync(cancellationToken).ConfigureAwait(false);
        return new EntityResult(current, StatusCodes.Status200OK, current.ETag);
    }

    /// <summary>Replaces the settings; conditional on <c>If-Match</c> when given (the body's own etag is ignored).</summary>
    public static async Task<IResult> PutAsync(HttpRequest request, IConfigStore config, ISweepSignal signal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(signal);
        var body = await JsonBody.ReadAsync<SchedulerConfig>(request, cancellationToken).ConfigureAwait(false);
        if (body.Failed)
        {
            return body.Problem!;
        }

        var errors = ConfigRules.Check(body.Value!);
        if (!errors.IsValid)
        {
            return Problems.Invalid(errors);
        }

        var ifMatch = Preconditions.IfMatch(request);
        var written = await config.PutAsync(body.Value! with { ETag = ifMatch }, cancellationToken).ConfigureAwait(false);
        if (!written.Done)
        {
            return Problems.PreconditionFailed(ifMatch is null ? "The settings changed while they were written." : $"The settings are no longer at ETag '{ifMatch}'.");
        }

        signal.Kick();
        var saved = body.Value! with { ETag = written.ETag };
        return new EntityResult(saved, StatusCodes.Status200OK, written.ETag);
    }
}
