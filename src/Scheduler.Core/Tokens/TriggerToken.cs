namespace Scheduler.Core.Tokens;

/// <summary>A token that may only trigger one job: what is stored of it. The secret itself is never stored, only its SHA-256
/// (<see cref="SecretHash"/>). <see cref="JobCreatedUtc"/> ties it to the job as created then: a job deleted and created again
/// with the same id does not accept its predecessor's tokens.</summary>
public sealed record TriggerToken
{
    public required string JobId { get; init; }

    /// <summary>16 hex digits, also the first part of the token text.</summary>
    public required string Id { get; init; }

    /// <summary>What the token is for ("github-webhook"); optional.</summary>
    public string? Name { get; init; }

    /// <summary>Lower-case hex SHA-256 of the secret.</summary>
    public required string SecretHash { get; init; }

    public required DateTimeOffset JobCreatedUtc { get; init; }

    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>After this instant the token is refused; never when null.</summary>
    public DateTimeOffset? ExpiresUtc { get; init; }

    /// <summary>The key that created it, by name.</summary>
    public required string CreatedBy { get; init; }
}
