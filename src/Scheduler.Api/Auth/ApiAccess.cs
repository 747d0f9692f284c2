using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Api.Http;
using Scheduler.Core.Tokens;
using Scheduler.Core.Validation;

namespace Scheduler.Api.Auth;

/// <summary>The one access rule both hosts run before an operation: who holds the presented key, and whether that key's role
/// covers the role the operation needs (<see cref="OperationRoles"/>); or, for a trigger token, whether the operation is the
/// trigger of the token's own job. Null lets the request through (its <see cref="ApiCaller"/> attached to it); otherwise the answer
/// to send. <paramref name="tokens"/> is absent where a host checks keys only.</summary>
public sealed class ApiAccess(ApiKeyVerifier verifier, TriggerTokens? tokens = null)
{
    /// <summary>How the Functions host's caller is named when no API keys are configured and every function key is admin.</summary>
    public const string FunctionKeyCaller = "function key";

    /// <summary>On the Server: a request without a known key is a 401; a known key without the role, a 403.</summary>
    public Task<ProblemHttpResult?> CheckApiKeyAsync(HttpRequest request, string? operation, CancellationToken cancellationToken) =>
        CheckAsync(request, operation, functionKeyChecked: false, cancellationToken);

    /// <summary>On the Functions host, whose function keys already let the request in: with no API keys configured every
    /// function key is admin (a single-key setup keeps working); with keys configured, a key not listed has no role (403).</summary>
    public Task<ProblemHttpResult?> CheckFunctionKeyAsync(HttpRequest request, string? operation, CancellationToken cancellationToken) =>
        CheckAsync(request, operation, functionKeyChecked: true, cancellationToken);

    private async Task<ProblemHttpResult?> CheckAsync(HttpRequest request, string? operation, bool functionKeyChecked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (operation is not null && OperationRoles.IsAnonymous(operation))
        {
            return null;
        }

        var needed = OperationRoles.For(operation);
        if (functionKeyChecked && !verifier.AnyKey)
        {
            new ApiCaller(FunctionKeyCaller, ApiRole.Admin).Attach(request.HttpContext);
            return null;
        }

        var presented = ApiKeyVerifier.Presented(request, functionKeyChecked);
        var caller = verifier.Identify(presented);
        if (caller is null && TokenText.LooksLikeToken(presented))
        {
            return await CheckTokenAsync(request, operation, presented!, cancellationToken).ConfigureAwait(false);
        }

        if (caller is null)
        {
            if (functionKeyChecked)
            {
                return Problems.NoRole(operation, needed);
            }

            request.HttpContext.Response.Headers.WWWAuthenticate = $"Bearer, ApiKey header=\"{ApiKeyVerifier.HeaderName}\"";
            return string.IsNullOrEmpty(presented) ? Problems.Unauthorized() : Problems.KeyRefused();
        }

        if (caller.Role < needed)
        {
            return Problems.Forbidden(operation, needed, caller);
        }

        caller.Attach(request.HttpContext);
        return null;
    }

    /// <summary>A trigger token passes only on the trigger of the job it was made for, while it is stored, unexpired and that job
    /// is the one it was made for; anything else is a 403 that does not say which of these failed.</summary>
    private async Task<ProblemHttpResult?> CheckTokenAsync(HttpRequest request, string? operation, string presented, CancellationToken cancellationToken)
    {
        if (operation != TriggerRoute.Operation)
        {
            return Problems.TokenOnlyTriggers(operation);
        }

        var jobId = TriggerRoute.JobIdOf(request);
        var token = tokens is null || !Identifiers.IsValidId(jobId)
            ? null
            : await tokens.VerifyAsync(jobId!, presented, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return Problems.TokenRefused(jobId);
        }

        var name = token.Name is null ? $"token {token.Id}" : $"token {token.Name} ({token.Id})";
        new ApiCaller(name, OperationRoles.For(operation), ApiCallerKind.TriggerToken).Attach(request.HttpContext);
        return null;
    }
}
