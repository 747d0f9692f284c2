using Scheduler.Core.Runs;

namespace Scheduler.Core.Ports;

/// <summary>A stored run as retention sees it: its keys, its status and when it finished (null until it ends).</summary>
public sealed record RunKey(string JobId, string RunId, RunStatus Status, DateTimeOffset? FinishedUtc);
