namespace Scheduler.Server;

/// <summary>The Server host's log events. EventIds: 4000-4049 sweep and start, 4050-4099 worker.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "{Loop} failed ({Failures} in a row): {Reason}; next try in {Backoff}")]
    public static partial void LoopFailed(ILogger logger, string loop, int failures, string reason, TimeSpan backoff, Exception? exception);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Storage ready: tables prefixed '{Prefix}', queue '{Queue}'")]
    public static partial void StorageReady(ILogger logger, string prefix, string queue);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Scheduler listening on {Urls}; API reference at {Reference}")]
    public static partial void Listening(ILogger logger, string urls, string reference);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "API key (generated, stored in {Path}): {ApiKey}")]
    public static partial void GeneratedApiKey(ILogger logger, string path, string apiKey);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "API key from configuration Scheduler:Api:Keys: {Masked} ({Count} key(s))")]
    public static partial void ConfiguredApiKey(ILogger logger, string masked, int count);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "API key (reused from {Path}): {ApiKey}")]
    public static partial void ReusedApiKey(ILogger logger, string path, string apiKey);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Information,
        Message = "Development: webhooks to this machine are allowed ({Setting}=true); a test webhook answers at {EchoUrl}")]
    public static partial void LoopbackAllowed(ILogger logger, string setting, string echoUrl);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Information, Message = "Echo webhook received {Method} with {Bytes} bytes (run {RunId}, attempt {Attempt})")]
    public static partial void EchoReceived(ILogger logger, string method, long bytes, string runId, string attempt);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Warning, Message = "The first sweep failed before the Server started listening; the sweep loop retries")]
    public static partial void InitialSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Poison queue depth could not be read: {Reason}")]
    public static partial void PoisonDepthFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Debug, Message = "Failure {Failures} in a row")]
    public static partial void RepeatedFailure(ILogger logger, int failures, Exception exception);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "{Loop} works again after {Failures} failure(s)")]
    public static partial void Recovered(ILogger logger, string loop, int failures);

    [LoggerMessage(EventId = 4051, Level = LogLevel.Warning, Message = "Run {RunId} failed to process ({Failures} time(s), dequeue {DequeueCount}): {Reason}; retrying in {Backoff}")]
    public static partial void ProcessFailed(ILogger logger, string runId, int failures, long dequeueCount, string reason, TimeSpan backoff, Exception? exception);

    [LoggerMessage(EventId = 4052, Level = LogLevel.Error, Message = "Run {RunId} failed to process {Failures} times; message moved to the poison queue")]
    public static partial void Poisoned(ILogger logger, string runId, int failures, Exception exception);

    [LoggerMessage(EventId = 4053, Level = LogLevel.Warning, Message = "Lease on the message of run {RunId} was lost; another worker may process it (runs are idempotent)")]
    public static partial void LeaseLost(ILogger logger, string runId);

    [LoggerMessage(EventId = 4054, Level = LogLevel.Information, Message = "Run {RunId} suspended until {ResumeAtUtc}")]
    public static partial void Suspended(ILogger logger, string runId, DateTimeOffset resumeAtUtc);

    [LoggerMessage(EventId = 4055, Level = LogLevel.Information, Message = "Shutdown: {Count} run(s) not finished in time, handed back to the queue")]
    public static partial void HandedBack(ILogger logger, int count);

    [LoggerMessage(EventId = 4056, Level = LogLevel.Warning, Message = "Message of run {RunId} could not be updated: {Reason}")]
    public static partial void MessageUpdateFailed(ILogger logger, string runId, string reason);
    [LoggerMessage(EventId = 4057, Level = LogLevel.Warning, Message = "Run {RunId} stopped in process; handed to the runs queue")]
    public static partial void InProcessRunHandedBack(ILogger logger, string runId, Exception exception);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Debug, Message = "Run path compiled ahead: {Methods} methods in {ElapsedMs} ms")]
    public static partial void WarmedUp(ILogger logger, int methods, long elapsedMs);

    [LoggerMessage(EventId = 4030, Level = LogLevel.Critical, Message = "The Server stops: {Reason}")]
    public static partial void EarlierLayout(ILogger logger, string reason);
}
