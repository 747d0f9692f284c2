namespace Scheduler.Core.Dispatch;

/// <summary>One unit of a lane's concurrency budget; free when it holds no run or its lease has expired.</summary>
/// <remarks><see cref="Renewed"/>: the lease belongs to a process that renews it while it runs the run (the Server), so its
/// expiry means that process is gone. Otherwise the slot is held for a run that waits in the queue (a long lease nobody renews):
/// whoever picks the run up may take it over.</remarks>
public sealed record Slot(string Lane, int Number, string? RunId, DateTimeOffset? LeaseUntilUtc, string? ETag)
{
    public bool Renewed { get; init; }

    public bool IsFree(DateTimeOffset now) => RunId is null || LeaseUntilUtc is null || LeaseUntilUtc <= now;
    public bool IsHeld(DateTimeOffset now) => RunId is not null && LeaseUntilUtc > now;
}
