namespace Scheduler.Api.Models;

/// <summary>The body of a new trigger token: both optional (send <c>{}</c>).</summary>
/// <param name="Name">What the token is for, shown in listings and in the audit trail (1-64 letters, digits, '.', '_' or '-').</param>
/// <param name="ExpiresUtc">When the token stops working; never when left out.</param>
public sealed record TokenRequest(string? Name = null, DateTimeOffset? ExpiresUtc = null);
