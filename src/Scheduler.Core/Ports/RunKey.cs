using Scheduler.Core.Runs;

namespace Scheduler.Core.Ports;

/// <summary>A stored run as retention sees it: its keys, its status, when it finished (null until it ends) and whether follow-ups
/// of its end are still to be carried out.</summary>
public sealed record RunKey(string JobId, string RunId, RunStatus Status, DateTimeOffset? FinishedUtc, bool FollowUpsPending = false);
