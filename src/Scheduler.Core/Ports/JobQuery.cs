using Scheduler.Core.Jobs;

namespace Scheduler.Core.Ports;

/// <summary>Filters and paging for listing jobs.</summary>
public sealed record JobQuery
{
    public JobStatus? Status { get; init; }
    public string? Tag { get; init; }
    public string? Lane { get; init; }
    /// <summary>Case-insensitive match on id or name.</summary>
    public string? Text { get; init; }
    public int Limit { get; init; } = 50;
    public string? Continuation { get; init; }
}
