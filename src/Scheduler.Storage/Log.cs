using Microsoft.Extensions.Logging;

namespace Scheduler.Storage;

/// <summary>Storage's log events (EventIds 2000-2099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Message {MessageId} in queue {Queue} is not base64; moving it to the poison queue")]
    public static partial void UndecodableMessage(ILogger logger, string queue, string messageId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Message {MessageId} is not a run message; moving it to the poison queue")]
    public static partial void MalformedMessage(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Message {MessageId} moved to the poison queue after {DequeueCount} deliveries")]
    public static partial void MovedToPoison(ILogger logger, string messageId, long dequeueCount);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Debug, Message = "A batch of {Count} due rows in bucket {Bucket} had missing rows; deleting them one by one")]
    public static partial void DueBatchFallback(ILogger logger, int count, string bucket);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "Storage tables and queues ensured (table prefix '{Prefix}', queue {Queue})")]
    public static partial void Ensured(ILogger logger, string prefix, string queue);
}
