using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Api.Audit;
using Scheduler.Api.Auth;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Audit;
using Scheduler.Core.Tokens;
using Scheduler.Core.Validation;

namespace Scheduler.Api.Endpoints;

/// <summary>A job's trigger tokens: create (the secret is answered once), list (without it), revoke.</summary>
public static class TokenEndpoints
{
    public static async Task<Results<Created<IssuedTokenView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string id, HttpRequest request, TriggerTokens tokens, ChangeAudit audit, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(time);
        if (RouteIds.Check(id) is { } invalid)
        {
            return invalid;
        }

        var body = await JsonBody.ReadAsync<TokenRequest>(request, cancellationToken).ConfigureAwait(false);
        if (!body.TryGet(out var wanted, out var unreadable))
        {
            return unreadable;
        }

        var errors = new ValidationErrors();
        errors.Require(wanted.Name is null || Identifiers.IsValidId(wanted.Name), "name", "A token's name has 1-64 letters, digits, '.', '_' or '-'; or leave it out.");
        errors.Require(wanted.ExpiresUtc is null || wanted.ExpiresUtc > time.GetUtcNow(), "expiresUtc", "expiresUtc is an instant in the future (ISO 8601), or leave it out for a token that does not expire.");
        if (!errors.IsValid)
        {
            return Problems.Invalid(errors);
        }

        var caller = ApiCaller.Of(request.HttpContext)?.Name ?? "unknown";
        var created = await tokens.CreateAsync(id, wanted.Name, wanted.ExpiresUtc, caller, cancellationToken).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return ServiceResults.Problem(created);
        }

        var token = created.Value.Token;
        await RecordAsync(audit, request, "CreateTriggerToken", token, null, TokenView.From(token), cancellationToken).ConfigureAwait(false);
        var trigger = ApiRoutes.JobPath(id) + "/trigger";
        var view = new IssuedTokenView(token.Id, id, token.Name, token.CreatedUtc, token.ExpiresUtc, token.CreatedBy, created.Value.Text, trigger);
        return TypedResults.Created(ApiRoutes.JobPath(id) + "/tokens/" + token.Id, view);
    }

    public static async Task<Results<Ok<ListView<TokenView>>, ValidationProblem, ProblemHttpResult>> ListAsync(string id, TriggerTokens tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (RouteIds.Check(id) is { } invalid)
        {
            return invalid;
        }

        var listed = await tokens.ListAsync(id, cancellationToken).ConfigureAwait(false);
        return listed.Succeeded
            ? TypedResults.Ok(new ListView<TokenView>([.. listed.Value.Select(TokenView.From)]))
            : ServiceResults.Problem(listed);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RevokeAsync(
        string id, string tokenId, HttpRequest request, TriggerTokens tokens, ChangeAudit audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(audit);
        if ((RouteIds.Check(id) ?? RouteIds.Check(tokenId, "tokenId")) is { } invalid)
        {
            return invalid;
        }

        var revoked = await tokens.RevokeAsync(id, tokenId, cancellationToken).ConfigureAwait(false);
        if (!revoked.Succeeded)
        {
            return ServiceResults.Problem(revoked);
        }

        await RecordAsync(audit, request, "RevokeTriggerToken", revoked.Value, TokenView.From(revoked.Value), null, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static Task RecordAsync(ChangeAudit audit, HttpRequest request, string operation, TriggerToken token, TokenView? before, TokenView? after, CancellationToken cancellationToken) =>
        audit.RecordAsync(request.HttpContext, operation, AuditKinds.Token, $"{token.JobId}/{token.Id}", token.JobId, AuditSnapshot.Of(before), AuditSnapshot.Of(after), cancellationToken);
}
