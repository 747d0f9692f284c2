using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Api.Http;

namespace Scheduler.Api.Auth;

/// <summary>The one access rule both hosts run before an operation: who holds the presented key, and whether that key's role
/// covers the role the operation needs (<see cref="OperationRoles"/>). Null lets the request through; otherwise the answer to send.</summary>
public sealed class ApiAccess(ApiKeyVerifier verifier)
{
    /// <summary>On the Server: a request without a known key is a 401; a known key without the role, a 403.</summary>
    public ProblemHttpResult? CheckApiKey(HttpRequest request, string? operation) =>
        Check(request, operation, functionKeyChecked: false);

    /// <summary>On the Functions host, whose function keys already let the request in: with no API keys configured every
    /// function key is admin (a single-key setup keeps working); with keys configured, a key not listed has no role (403).</summary>
    public ProblemHttpResult? CheckFunctionKey(HttpRequest request, string? operation) =>
        Check(request, operation, functionKeyChecked: true);

    private ProblemHttpResult? Check(HttpRequest request, string? operation, bool functionKeyChecked)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (operation is not null && OperationRoles.IsAnonymous(operation))
        {
            return null;
        }

        var needed = OperationRoles.For(operation);
        if (functionKeyChecked && !verifier.AnyKey)
        {
            return null;
        }

        var presented = ApiKeyVerifier.Presented(request, functionKeyChecked);
        var caller = verifier.Identify(presented);
        if (caller is null)
        {
            if (functionKeyChecked)
            {
                return Problems.NoRole(operation, needed);
            }

            request.HttpContext.Response.Headers.WWWAuthenticate = $"Bearer, ApiKey header=\"{ApiKeyVerifier.HeaderName}\"";
            return string.IsNullOrEmpty(presented) ? Problems.Unauthorized() : Problems.KeyRefused();
        }

        return caller.Role >= needed ? null : Problems.Forbidden(operation, needed, caller);
    }
}
