using Scheduler.Core.Tokens;

namespace Scheduler.Api.Models;

/// <summary>A trigger token as listings show it: never its secret, nor the secret's hash.</summary>
public sealed record TokenView(string Id, string JobId, string? Name, DateTimeOffset CreatedUtc, DateTimeOffset? ExpiresUtc, string CreatedBy)
{
    public static TokenView From(TriggerToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(token.Id, token.JobId, token.Name, token.CreatedUtc, token.ExpiresUtc, token.CreatedBy);
    }
}
