namespace Scheduler.Core.Ports;

/// <summary>A write's outcome and, when it was done, the entity's new concurrency token.</summary>
public sealed record Written(WriteOutcome Outcome, string? ETag = null)
{
    public bool Done => Outcome == WriteOutcome.Done;
    public static Written Ok(string? etag) => new(WriteOutcome.Done, etag);
    public static readonly Written Conflict = new(WriteOutcome.Conflict);
    public static readonly Written Stale = new(WriteOutcome.Stale);
    public static readonly Written NotFound = new(WriteOutcome.NotFound);
}
