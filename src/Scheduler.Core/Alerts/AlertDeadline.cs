namespace Scheduler.Core.Alerts;

/// <summary>A NoSuccessWithin rule's armed deadline: a row of the deadline index, bucketed by minute, read once it has come due.</summary>
public sealed record AlertDeadline(string JobId, int Rule, DateTimeOffset DueUtc)
{
    public string? ETag { get; init; }
}
