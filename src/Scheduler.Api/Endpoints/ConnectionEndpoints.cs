using Microsoft.AspNetCore.Http;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Api.Validation;
using Scheduler.Core.Connections;
using Scheduler.Core.Ports;

namespace Scheduler.Api.Endpoints;

/// <summary>Named SSH connection profiles. Bodies carry secret references, never secrets.</summary>
public static class ConnectionEndpoints
{
    public static async Task<IResult> ListAsync(IConnectionStore connections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var all = await connections.ListAsync(cancellationToken).ConfigureAwait(false);
        return new EntityResult(new ListView<ConnectionProfile>(all), StatusCodes.Status200OK);
    }

    public static async Task<IResult> GetAsync(string name, IConnectionStore connections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        if (RouteIds.Check(name, "name") is { } invalid)
        {
            return invalid;
        }

        var profile = await connections.GetAsync(name, cancellationToken).ConfigureAwait(false);
        return profile is null ? Problems.NotFound($"Connection '{name}' does not exist.") : new EntityResult(profile, StatusCodes.Status200OK, profile.ETag);
    }

    public static async Task<IResult> CreateAsync(HttpRequest request, IConnectionStore connections, ISecretResolver secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var body = await ReadAsync(request, secrets, cancellationToken).ConfigureAwait(false);
        if (body.Failed)
        {
            return body.Problem!;
        }

        var written = await connections.InsertAsync(body.Value! with { ETag = null }, cancellationToken).ConfigureAwait(false);
        return written.Done
            ? new EntityResult(body.Value! with { ETag = written.ETag }, StatusCodes.Status201Created, written.ETag, ApiRoutes.ConnectionPath(body.Value!.Name))
            : Problems.Conflict($"A connection named '{body.Value!.Name}' already exists.");
    }

    public static async Task<IResult> ReplaceAsync(string name, HttpRequest request, IConnectionStore connections, ISecretResolver secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        if (RouteIds.Check(name, "name") is { } invalid)
        {
            return invalid;
        }

        var body = await ReadAsync(request, secrets, cancellationToken).ConfigureAwait(false);
        if (body.Failed)
        {
            return body.Problem!;
        }

        if (!string.Equals(body.Value!.Name, name, StringComparison.Ordinal))
        {
            return Problems.Invalid("name", $"The body's name '{body.Value.Name}' differs from the name in the path '{name}'.");
        }

        var ifMatch = Preconditions.IfMatch(request);
        var current = await connections.GetAsync(name, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return Problems.NotFound($"Connection '{name}' does not exist.");
        }

        var written = await connections.ReplaceAsync(body.Value with { ETag = ifMatch ?? current.ETag }, cancellationToken).ConfigureAwait(false);
        return written.Outcome switch
        {
            WriteOutcome.Done => new EntityResult(body.Value with { ETag = written.ETag }, StatusCodes.Status200OK, written.ETag),
            WriteOutcome.NotFound => Problems.NotFound($"Connection '{name}' does not exist."),
            _ => Problems.PreconditionFailed($"Connection '{name}' has changed."),
        };
    }

    public static async Task<IResult> DeleteAsync(string name, HttpRequest request, IConnectionStore connections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        if (RouteIds.Check(name, "name") is { } invalid)
        {
            return invalid;
        }

        var deleted = await connections.DeleteAsync(name, Preconditions.IfMatch(request), cancellationToken).ConfigureAwait(false);
        return deleted.Outcome switch
        {
            WriteOutcome.Done => TypedResults.NoContent(),
            WriteOutcome.Stale => Problems.PreconditionFailed($"Connection '{name}' has changed."),
            _ => Problems.NotFound($"Connection '{name}' does not exist."),
        };
    }

    private static async Task<BodyRead<ConnectionProfile>> ReadAsync(HttpRequest request, ISecretResolver secrets, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ConnectionProfile>(request, cancellationToken).ConfigureAwait(false);
        if (body.Failed)
        {
            return body;
        }

        var errors = ConnectionRules.Check(body.Value!);
        if (errors.IsValid && !await secrets.ExistsAsync(body.Value!.SecretRef, cancellationToken).ConfigureAwait(false))
        {
            errors.Add("secretRef", $"No secret named '{body.Value.SecretRef}' is known to this host (configuration Scheduler:Secrets:{body.Value.SecretRef}, or the Key Vault).");
        }

        return errors.IsValid ? body : BodyRead<ConnectionProfile>.Fail(Problems.Invalid(errors));
    }
}
