namespace Scheduler.Api.Models;

/// <summary>Slots of a lane's concurrency budget held right now.</summary>
public sealed record LaneUsage(string Lane, int InUse, int Budget);
