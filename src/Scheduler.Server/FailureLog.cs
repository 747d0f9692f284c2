namespace Scheduler.Server;

/// <summary>Repeated failures during an outage log one line each; the exception itself is attached to the first line
/// only, and to a debug line for each repeat, so an outage does not fill the log with stack traces.</summary>
internal static class FailureLog
{
    /// <summary>The exception to attach to the warning of failure number <paramref name="failures"/>: itself the first time, then null.</summary>
    public static Exception? Once(ILogger logger, int failures, Exception exception)
    {
        if (failures <= 1)
        {
            return exception;
        }

        Log.RepeatedFailure(logger, failures, exception);
        return null;
    }
}
