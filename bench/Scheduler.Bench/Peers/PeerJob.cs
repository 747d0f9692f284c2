namespace Scheduler.Bench.Peers;

/// <summary>One one-off webhook job of a workload: call <see cref="Url"/> (the sink) at <see cref="Due"/>.</summary>
internal sealed record PeerJob(string Id, DateTimeOffset Due, string Url);
