using Microsoft.Extensions.Logging;

namespace Scheduler.Targets;

/// <summary>The log events of the target executors. EventIds: 5000-5099 HTTP, 5100-5199 queue, 5200-5299 command, 5300-5399 SSH.
/// A failed attempt is not logged here: Core's AttemptFailed (1001) logs each one once, whatever the target, with the error
/// the executor returned. These events say what an executor did besides (a process tree killed).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Information, Message = "Command target of run {RunId}: killed process tree of pid {ProcessId} (timed out: {TimedOut})")]
    public static partial void CommandKilled(ILogger logger, string runId, int processId, bool timedOut);
}
