using Scheduler.Core.Runs;

namespace Scheduler.Core.Ports;

/// <summary>Filters and paging for listing runs across jobs: created in [<see cref="SinceUtc"/>, <see cref="UntilUtc"/>),
/// newest first, optionally of one status.</summary>
public sealed record RunQuery
{
    public required DateTimeOffset SinceUtc { get; init; }
    public required DateTimeOffset UntilUtc { get; init; }
    public RunStatus? Status { get; init; }
    public int Limit { get; init; } = 50;
    public string? Continuation { get; init; }
}
