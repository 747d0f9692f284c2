using Microsoft.Extensions.Logging;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Telemetry;

/// <summary>Core's log events. EventIds: 1000-1099 runs, 1100-1199 sweep, 1200-1299 retention, 1300-1399 follow-ups, 1400-1499 alerts.</summary>
public static partial class Log
{
    [LoggerMessage(EventId = 1000, EventName = "RunStatusChanged", Level = LogLevel.Information,
        Message = "Run {RunId} of job {JobId} is {Status} (attempt {Attempt}, lateness {LatenessMs} ms)")]
    public static partial void RunStatusChanged(ILogger logger, string jobId, string runId, RunStatus status, int attempt, double? latenessMs);

    /// <summary>The same event for a run that has not started (Queued, Skipped, canceled while waiting): a due time, no lateness.</summary>
#pragma warning disable SYSLIB1025 // One event, RunStatusChanged, in two forms: queries select it by name whether it carries a lateness or not.
    [LoggerMessage(EventId = 1003, EventName = "RunStatusChanged", Level = LogLevel.Information,
        Message = "Run {RunId} of job {JobId} is {Status} (attempt {Attempt}, due {DueUtc:O}, not started: no lateness yet)")]
    public static partial void RunStatusChangedBeforeStart(ILogger logger, string jobId, string runId, RunStatus status, int attempt, DateTimeOffset dueUtc);
#pragma warning restore SYSLIB1025

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Attempt {Attempt} of run {RunId} failed: {Error}")]
    public static partial void AttemptFailed(ILogger logger, string runId, int attempt, string? error);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Reading the cancel flag of run {RunId} failed; reading again at the next interval")]
    public static partial void CancelCheckFailed(ILogger logger, string runId, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Attempt {Attempt} of run {RunId} interrupted: the run was canceled")]
    public static partial void AttemptInterrupted(ILogger logger, string runId, int attempt);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Run {RunId} lost slot {Lane}/{Slot}: another process took it over after its lease ran out; this attempt stops")]
    public static partial void SlotLeaseLost(ILogger logger, string runId, string lane, int slot);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Renewing the slot lease of run {RunId} failed ({Reason}); trying again at the next interval")]
    public static partial void SlotRenewFailed(ILogger logger, string runId, string reason);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "The manual run of job {JobId} could not be dispatched by its trigger; the sweep dispatches it")]
    public static partial void ManualDispatchDeferred(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Sweep dispatched {Dispatched}, skipped {Skipped}, throttled {Throttled}, stale {Stale} in {ElapsedMs} ms")]
    public static partial void SweepDone(ILogger logger, int dispatched, int skipped, int throttled, int stale, double elapsedMs);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Run {RunId} held slot {Lane}/{Slot} past its lease; re-enqueued")]
    public static partial void RunReenqueued(ILogger logger, string runId, string lane, int slot);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Slot {Lane}/{Slot} freed from finished or missing run {RunId}")]
    public static partial void SlotRepaired(ILogger logger, string lane, int slot, string runId);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Occurrence {DueUtc} of job {JobId} skipped: {Reason}")]
    public static partial void OccurrenceSkipped(ILogger logger, string jobId, DateTimeOffset dueUtc, string reason);

    [LoggerMessage(EventId = 1200, EventName = "RetentionPass", Level = LogLevel.Information,
        Message = "Retention removed {Runs} run(s) with their attempts, {Counters} counter minute(s), {Keys} idempotency key(s), {Audit} audit entr(ies); more left: {Truncated}")]
    public static partial void RetentionPassed(ILogger logger, int runs, int counters, int keys, int audit, bool truncated);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Follow-up {FollowUpId} ({Kind}) of run {RunId} failed (try {Tries}): {Error}; tried again later")]
    public static partial void FollowUpFailed(ILogger logger, string followUpId, string kind, string runId, int tries, string? error);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "Follow-up {FollowUpId} ({Kind}) of run {RunId} given up after {Tries} tries: {Error}")]
    public static partial void FollowUpGaveUp(ILogger logger, string followUpId, string kind, string runId, int tries, string? error);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Error, Message = "Follow-up {FollowUpId} of run {RunId} has kind {Kind}, which no handler of this host carries out; given up")]
    public static partial void FollowUpKindUnknown(ILogger logger, string followUpId, string kind, string runId);

    [LoggerMessage(EventId = 1400, EventName = "AlertSent", Level = LogLevel.Information, Message = "Alert {AlertId} ({On}) of job {JobId} sent: {Reason}")]
    public static partial void AlertSent(ILogger logger, string alertId, string on, string jobId, string reason);

    [LoggerMessage(EventId = 1401, EventName = "AlertSuppressed", Level = LogLevel.Information, Message = "Alert {AlertId} ({On}) of job {JobId} suppressed by its cooldown: {Reason}")]
    public static partial void AlertSuppressed(ILogger logger, string alertId, string on, string jobId, string reason);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Alert {AlertId} of job {JobId} not delivered (try {Tries}): {Error}")]
    public static partial void AlertDeliveryFailed(ILogger logger, string alertId, string jobId, int tries, string? error);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Error, Message = "Alert {AlertId} of job {JobId} given up after {Tries} tries: {Error}")]
    public static partial void AlertGaveUp(ILogger logger, string alertId, string jobId, int tries, string? error);
}
