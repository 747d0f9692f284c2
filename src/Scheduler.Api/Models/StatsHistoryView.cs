namespace Scheduler.Api.Models;

/// <summary>The stored run counters over a window, one point per step (every step, empty ones included), oldest first.</summary>
/// <param name="Window">The window asked for: <c>1h</c> (steps of a minute) or <c>24h</c> (steps of 15 minutes).</param>
public sealed record StatsHistoryView(string Window, DateTimeOffset FromUtc, DateTimeOffset ToUtc, int StepSeconds, IReadOnlyList<StatsPoint> Points);
