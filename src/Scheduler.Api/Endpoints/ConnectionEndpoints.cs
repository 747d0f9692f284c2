using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Api.Audit;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Api.Validation;
using Scheduler.Core.Audit;
using Scheduler.Core.Connections;
using Scheduler.Core.Ports;

namespace Scheduler.Api.Endpoints;

/// <summary>Named SSH connection profiles. Bodies carry secret references, never secrets.</summary>
public static class ConnectionEndpoints
{
    public static async Task<Ok<ListView<ConnectionProfile>>> ListAsync(IConnectionStore connections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var all = await connections.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ListView<ConnectionProfile>(all));
    }

    public static async Task<Results<Entity<Ok<ConnectionProfile>>, ValidationProblem, ProblemHttpResult>> GetAsync(string name, IConnectionStore connections, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        if (RouteIds.Check(name, "name") is { } invalid)
        {
            return invalid;
        }

        var profile = await connections.GetAsync(name, cancellationToken).ConfigureAwait(false);
        return profile is null ? Problems.NotFound($"Connection '{name}' does not exist.") : Entities.Ok(profile, profile.ETag);
    }

    public static async Task<Results<Entity<Created<ConnectionProfile>>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, IConnectionStore connections, ISecretResolver secrets, ChangeAudit audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(audit);
        var body = await ReadAsync(request, secrets, cancellationToken).ConfigureAwait(false);
        if (!body.TryGet(out var profile, out var refused))
        {
            return refused;
        }

        var written = await connections.InsertAsync(profile with { ETag = null }, cancellationToken).ConfigureAwait(false);
        if (!written.Done)
        {
            return Problems.Conflict($"A connection named '{profile.Name}' already exists.");
        }

        var created = profile with { ETag = written.ETag };
        await RecordAsync(audit, request, "CreateConnection", profile.Name, null, created, cancellationToken).ConfigureAwait(false);
        return Entities.Created(created, written.ETag, ApiRoutes.ConnectionPath(profile.Name));
    }

    public static async Task<Results<Entity<Ok<ConnectionProfile>>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        string name, HttpRequest request, IConnectionStore connections, ISecretResolver secrets, ChangeAudit audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(audit);
        if (RouteIds.Check(name, "name") is { } invalid)
        {
            return invalid;
        }

        var body = await ReadAsync(request, secrets, cancellationToken).ConfigureAwait(false);
        if (!body.TryGet(out var profile, out var refused))
        {
            return refused;
        }

        if (!string.Equals(profile.Name, name, StringComparison.Ordinal))
        {
            return Problems.Invalid("name", $"The body's name '{profile.Name}' differs from the name in the path '{name}'.");
        }

        var ifMatch = Preconditions.IfMatch(request);
        var current = await connections.GetAsync(name, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return Problems.NotFound($"Connection '{name}' does not exist.");
        }

        var written = await connections.ReplaceAsync(profile with { ETag = ifMatch ?? current.ETag }, cancellationToken).ConfigureAwait(false);
        if (written.Done)
        {
            await RecordAsync(audit, request, "ReplaceConnection", name, current, profile with { ETag = written.ETag }, cancellationToken).ConfigureAwait(false);
        }

        return written.Outcome switch
        {
            WriteOutcome.Done => Entities.Ok(profile with { ETag = written.ETag }, written.ETag),
            WriteOutcome.NotFound => Problems.NotFound($"Connection '{name}' does not exist."),
            _ => Problems.PreconditionFailed($"Connection '{name}' has changed."),
        };
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string name, HttpRequest request, IConnectionStore connections, ChangeAudit audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        if (RouteIds.Check(name, "name") is { } invalid)
        {
            return invalid;
        }

        var before = await connections.GetAsync(name, cancellationToken).ConfigureAwait(false);
        var deleted = await connections.DeleteAsync(name, Preconditions.IfMatch(request), cancellationToken).ConfigureAwait(false);
        if (deleted.Done)
        {
            await RecordAsync(audit, request, "DeleteConnection", name, before, null, cancellationToken).ConfigureAwait(false);
        }

        return deleted.Outcome switch
        {
            WriteOutcome.Done => TypedResults.NoContent(),
            WriteOutcome.Stale => Problems.PreconditionFailed($"Connection '{name}' has changed."),
            _ => Problems.NotFound($"Connection '{name}' does not exist."),
        };
    }

    private static Task RecordAsync(ChangeAudit audit, HttpRequest request, string operation, string name, ConnectionProfile? before, ConnectionProfile? after, CancellationToken cancellationToken) =>
        audit.RecordAsync(request.HttpContext, operation, AuditKinds.Connection, name, null, AuditSnapshot.Of(before), AuditSnapshot.Of(after), cancellationToken);

    /// <summary>The body, checked: its fields and that its secret is known here (a 400 naming the field otherwise).</summary>
    private static async Task<BodyRead<ConnectionProfile>> ReadAsync(HttpRequest request, ISecretResolver secrets, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<ConnectionProfile>(request, cancellationToken).ConfigureAwait(false);
        if (!body.TryGet(out var profile, out _))
        {
            return body;
        }

        var errors = ConnectionRules.Check(profile);
        if (errors.IsValid && !await secrets.ExistsAsync(profile.SecretRef, cancellationToken).ConfigureAwait(false))
        {
            errors.Add("secretRef", $"No secret named '{profile.SecretRef}' is known to this host (configuration Scheduler:Secrets:{profile.SecretRef}, or the Key Vault).");
        }

        return errors.IsValid ? body : BodyRead<ConnectionProfile>.Fail(Problems.Refused(Problems.Invalid(errors)));
    }
}
