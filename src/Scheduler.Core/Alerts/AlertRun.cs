using Scheduler.Core.Runs;

namespace Scheduler.Core.Alerts;

/// <summary>The run an alert is about, as it ended.</summary>
public sealed record AlertRun(
    string RunId, RunStatus Status, DateTimeOffset DueUtc, DateTimeOffset? StartedUtc, DateTimeOffset? FinishedUtc, IReadOnlyList<AlertAttempt> Attempts);
