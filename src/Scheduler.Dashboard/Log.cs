using Microsoft.Extensions.Logging;

namespace Scheduler.Dashboard;

/// <summary>The dashboard's log events. EventIds: 8000-8099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Information, Message = "Serving the dashboard from embedded assets")]
    public static partial void DashboardServed(ILogger logger);
}
