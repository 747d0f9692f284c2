namespace Scheduler.Core.Audit;

/// <summary>A page of audit entries, newest first, recorded in [<see cref="SinceUtc"/>, <see cref="UntilUtc"/>), matching every
/// filter given.</summary>
public sealed record AuditQuery
{
    public required DateTimeOffset SinceUtc { get; init; }

    public required DateTimeOffset UntilUtc { get; init; }

    public string? EntityKind { get; init; }

    public string? EntityId { get; init; }

    public string? JobId { get; init; }

    public string? Caller { get; init; }

    public int Limit { get; init; } = 50;

    public string? Continuation { get; init; }
}
