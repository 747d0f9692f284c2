namespace Scheduler.Core.Dispatch;

/// <summary>One unit of a lane's concurrency budget; free when it holds no run or its lease has expired.</summary>
public sealed record Slot(string Lane, int Number, string? RunId, DateTimeOffset? LeaseUntilUtc, string? ETag)
{
    public bool IsFree(DateTimeOffset now) => RunId is null || LeaseUntilUtc is null || LeaseUntilUtc <= now;
    public bool IsHeld(DateTimeOffset now) => RunId is not null && LeaseUntilUtc > now;
}
