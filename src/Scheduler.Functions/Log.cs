using Microsoft.Extensions.Logging;

namespace Scheduler.Functions;

/// <summary>The Functions host's log events. EventIds: 6000-6999 (the table of every project's range is in docs/ARCHITECTURE.md).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Warning, Message = "A sweep asked for between timer ticks failed; the next timer sweep does its work")]
    public static partial void KickFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "Durable history purged: {Instances} ended orchestration(s) created more than {Retention} ago")]
    public static partial void DurableHistoryPurged(ILogger logger, int instances, TimeSpan retention);
}
