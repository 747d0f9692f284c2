namespace Scheduler.Server;

/// <summary>The Server host's log events. EventIds: 4000-4049 sweep and start, 4050-4099 worker.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Sweep failed ({Failures} in a row); next try in {Backoff}")]
    public static partial void SweepFailed(ILogger logger, int failures, TimeSpan backoff, Exception exception);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Storage ready: tables prefixed '{Prefix}', queue '{Queue}'")]
    public static partial void StorageReady(ILogger logger, string prefix, string queue);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Storage not ready yet (attempt {Attempt}); retrying in {Backoff}")]
    public static partial void StorageNotReady(ILogger logger, int attempt, TimeSpan backoff, Exception exception);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Scheduler listening on {Urls}; API reference at {Reference}")]
    public static partial void Listening(ILogger logger, string urls, string reference);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "API key (generated, stored in {Path}): {ApiKey}")]
    public static partial void GeneratedApiKey(ILogger logger, string path, string apiKey);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "API key from configuration Scheduler:Api:Keys: {Masked} ({Count} key(s))")]
    public static partial void ConfiguredApiKey(ILogger logger, string masked, int count);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Poison queue depth could not be read")]
    public static partial void PoisonDepthFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4050, Level = LogLevel.Warning, Message = "Receiving from the runs queue failed ({Failures} in a row); next try in {Backoff}")]
    public static partial void ReceiveFailed(ILogger logger, int failures, TimeSpan backoff, Exception exception);

    [LoggerMessage(EventId = 4051, Level = LogLevel.Warning, Message = "Run {RunId} failed to process ({Failures} time(s), dequeue {DequeueCount}); retrying in {Backoff}")]
    public static partial void ProcessFailed(ILogger logger, string runId, int failures, long dequeueCount, TimeSpan backoff, Exception exception);

    [LoggerMessage(EventId = 4052, Level = LogLevel.Error, Message = "Run {RunId} failed to process {Failures} times; message moved to the poison queue")]
    public static partial void Poisoned(ILogger logger, string runId, int failures, Exception exception);

    [LoggerMessage(EventId = 4053, Level = LogLevel.Warning, Message = "Lease on the message of run {RunId} was lost; another worker may process it (runs are idempotent)")]
    public static partial void LeaseLost(ILogger logger, string runId);

    [LoggerMessage(EventId = 4054, Level = LogLevel.Information, Message = "Run {RunId} suspended until {ResumeAtUtc}")]
    public static partial void Suspended(ILogger logger, string runId, DateTimeOffset resumeAtUtc);

    [LoggerMessage(EventId = 4055, Level = LogLevel.Information, Message = "Shutdown: {Count} run(s) not finished in time, handed back to the queue")]
    public static partial void HandedBack(ILogger logger, int count);

    [LoggerMessage(EventId = 4056, Level = LogLevel.Warning, Message = "Message of run {RunId} could not be updated")]
    public static partial void MessageUpdateFailed(ILogger logger, string runId, Exception exception);

    [LoggerMessage(EventId = 4057, Level = LogLevel.Warning, Message = "Run {RunId} stopped in process; handed to the runs queue")]
    public static partial void InProcessRunHandedBack(ILogger logger, string runId, Exception exception);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Debug, Message = "Run path compiled ahead: {Methods} methods in {ElapsedMs} ms")]
    public static partial void WarmedUp(ILogger logger, int methods, long elapsedMs);
}
