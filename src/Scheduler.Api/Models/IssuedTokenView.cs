namespace Scheduler.Api.Models;

/// <summary>A token just created. <see cref="Token"/> is its text, shown this once: send it as <c>Authorization: Bearer</c> (or
/// <c>X-Api-Key</c>) to <see cref="TriggerUrl"/>.</summary>
public sealed record IssuedTokenView(string Id, string JobId, string? Name, DateTimeOffset CreatedUtc, DateTimeOffset? ExpiresUtc, string CreatedBy, string Token, string TriggerUrl);
