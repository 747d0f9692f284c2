using Microsoft.Extensions.Logging;

namespace Scheduler.Targets;

/// <summary>The log events of the target executors. EventIds: 5000-5099 HTTP, 5100-5199 queue, 5200-5299 command, 5300-5399 SSH.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning, Message = "HTTP target of run {RunId} attempt {Attempt} answered {StatusCode} (retryable: {Retryable})")]
    public static partial void HttpAttemptFailed(ILogger logger, string runId, int attempt, int statusCode, bool retryable);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "HTTP target of run {RunId} refused by the SSRF guard: {Reason}")]
    public static partial void AddressRefused(ILogger logger, string runId, string reason);

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "Queue target of run {RunId} could not send to {QueueName}: status {Status} (retryable: {Retryable})")]
    public static partial void QueueSendFailed(ILogger logger, string runId, string queueName, int status, bool retryable);

    [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "Command target of run {RunId}: killed process tree of pid {ProcessId} (timed out: {TimedOut})")]
    public static partial void CommandKilled(ILogger logger, string runId, int processId, bool timedOut);

    [LoggerMessage(EventId = 5300, Level = LogLevel.Warning, Message = "SSH target of run {RunId} could not connect to {Endpoint}: {Error} (retryable: {Retryable})")]
    public static partial void SshConnectFailed(ILogger logger, string runId, string endpoint, string error, bool retryable);
}
