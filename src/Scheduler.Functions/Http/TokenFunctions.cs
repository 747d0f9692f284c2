using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Scheduler.Api;
using Scheduler.Api.Audit;
using Scheduler.Api.Endpoints;
using Scheduler.Core.Tokens;

namespace Scheduler.Functions.Http;

/// <summary>Trigger tokens: the same handlers as the Server, behind function keys.</summary>
public sealed class TokenFunctions(TriggerTokens tokens, ChangeAudit audit, TimeProvider time)
{
    [Function("CreateTriggerToken")]
    public async Task<IResult> Create([HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.JobTokens)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await TokenEndpoints.CreateAsync(id, request, tokens, audit, time, cancellationToken).ConfigureAwait(false);

    [Function("ListTriggerTokens")]
    public async Task<IResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.JobTokens)] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await TokenEndpoints.ListAsync(id, tokens, cancellationToken).ConfigureAwait(false);

    [Function("RevokeTriggerToken")]
    public async Task<IResult> Revoke(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.JobToken)] HttpRequest request, string id, string tokenId, CancellationToken cancellationToken) =>
        await TokenEndpoints.RevokeAsync(id, tokenId, request, tokens, audit, cancellationToken).ConfigureAwait(false);
}
