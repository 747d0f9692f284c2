using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Ports;

namespace Scheduler.Api.Endpoints;

/// <summary>Messages the runs queue gave up on, for an operator to read and then requeue or delete; they never expire.</summary>
public static class PoisonEndpoints
{
    public static async Task<Ok<PoisonView>> ListAsync(IPoisonMessages poison, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poison);
        var count = await poison.CountAsync(cancellationToken).ConfigureAwait(false);
        var items = await poison.ListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new PoisonView(Math.Max(count, items.Count), items));
    }

    public static async Task<Results<Ok<PoisonMessage>, ValidationProblem, ProblemHttpResult>> GetAsync(string messageId, IPoisonMessages poison, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poison);
        if (Check(messageId) is { } invalid)
        {
            return invalid;
        }

        var message = await poison.GetAsync(messageId, cancellationToken).ConfigureAwait(false);
        return message is null ? Missing(messageId) : TypedResults.Ok(message);
    }

    public static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RequeueAsync(string messageId, IPoisonMessages poison, CancellationToken cancellationToken) =>
        TakeAsync(messageId, poison, (p, ct) => p.RequeueAsync(messageId, ct), cancellationToken);

    public static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(string messageId, IPoisonMessages poison, CancellationToken cancellationToken) =>
        TakeAsync(messageId, poison, (p, ct) => p.DeleteAsync(messageId, ct), cancellationToken);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> TakeAsync(
        string messageId, IPoisonMessages poison, Func<IPoisonMessages, CancellationToken, Task<bool>> take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poison);
        if (Check(messageId) is { } invalid)
        {
            return invalid;
        }

        return await take(poison, cancellationToken).ConfigureAwait(false) ? TypedResults.NoContent() : Missing(messageId);
    }

    /// <summary>Queue message ids are GUIDs.</summary>
    private static ValidationProblem? Check(string messageId) => Guid.TryParse(messageId, out _)
        ? null
        : Problems.Invalid("messageId", "Give a message id as GET /api/poison lists it (a GUID).");

    private static ProblemHttpResult Missing(string messageId) =>
        Problems.NotFound($"Message '{messageId}' is not among the first {IPoisonMessages.MaxListed} of the poison queue (it may have been requeued or deleted).");
}
