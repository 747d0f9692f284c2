namespace Scheduler.Core.Audit;

/// <summary>One change recorded in the audit trail: who made it (the API key's name, never its value), what (the operation and
/// the entity it changed), when, and the entity before and after as JSON (null where it did not exist; secrets masked).</summary>
public sealed record AuditEntry
{
    /// <summary>Unique, and ordered newest first: the store assigns it on write; empty before.</summary>
    public string Id { get; init; } = "";

    public required DateTimeOffset AtUtc { get; init; }

    /// <summary>The name of the key (or trigger token) that made the change.</summary>
    public required string Caller { get; init; }

    /// <summary>The API operation, as <c>OperationRoles</c> names it (<c>ReplaceJob</c>, <c>PutConfig</c>...).</summary>
    public required string Operation { get; init; }

    /// <summary>One of <see cref="AuditKinds"/>.</summary>
    public required string EntityKind { get; init; }

    public required string EntityId { get; init; }

    /// <summary>The job the entity belongs to (a job's own id, a trigger token's job), for the per-job listing; null otherwise.</summary>
    public string? JobId { get; init; }

    public string? Before { get; init; }

    public string? After { get; init; }
}
