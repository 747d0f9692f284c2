namespace Scheduler.Core.Alerts;

/// <summary>One alert decided for a job: sent (and its delivery so far) or suppressed by its rule's cooldown. Kept in the job's
/// bounded history (<see cref="AlertOptions.HistoryPerJob"/>): <see cref="Slot"/> is its place there.</summary>
public sealed record AlertRecord
{
    public required string JobId { get; init; }
    /// <summary>The id a receiver drops repeats by: <c>{runId}/alert/{rule}</c>, or <c>{jobId}/nosuccess/{rule}/{deadline ticks}</c>.</summary>
    public required string Id { get; init; }
    public required int Rule { get; init; }
    public required AlertOn On { get; init; }
    public string? RunId { get; init; }
    public required DateTimeOffset AtUtc { get; init; }
    /// <summary>False: suppressed by the cooldown, not sent.</summary>
    public required bool Sent { get; init; }
    /// <summary>Why it fired, in words ("3 failed runs in a row").</summary>
    public required string Reason { get; init; }
    public required string Url { get; init; }
    public long Slot { get; init; }
    public DateTimeOffset? DeliveredUtc { get; init; }
    public int Tries { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? GaveUpUtc { get; init; }
    public string? ETag { get; init; }

    /// <summary>Sent, and neither delivered nor given up yet.</summary>
    public bool Pending => Sent && DeliveredUtc is null && GaveUpUtc is null;

    /// <summary>Where it stands: suppressed, pending, delivered, or given up.</summary>
    public string Delivery => !Sent ? "suppressed" : DeliveredUtc is not null ? "delivered" : GaveUpUtc is not null ? "gave-up" : "pending";
}
