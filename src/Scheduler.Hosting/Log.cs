using Microsoft.Extensions.Logging;

namespace Scheduler.Hosting;

/// <summary>Log events of the shared composition. EventIds: 7000-7999.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Warning, Message = "Run counters not flushed ({Reason}); {Minutes} minute(s) of counts kept for the next try")]
    public static partial void CountersNotFlushed(ILogger logger, string reason, int minutes);
}
