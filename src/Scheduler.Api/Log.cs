using Microsoft.Extensions.Logging;

namespace Scheduler.Api;

/// <summary>The API's log events. EventIds: 3000-3099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    public static partial void RequestFailed(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: storage unavailable ({Exception})")]
    public static partial void StorageUnavailable(ILogger logger, string method, string path, string exception);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "Audit entry not recorded: {Operation} of {Kind} '{Id}' by '{Caller}' at {AtUtc}; before {Before}; after {After}")]
    public static partial void AuditNotRecorded(ILogger logger, string operation, string kind, string id, string caller, DateTimeOffset atUtc, string? before, string? after, Exception exception);
}
