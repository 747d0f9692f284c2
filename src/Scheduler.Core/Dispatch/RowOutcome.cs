namespace Scheduler.Core.Dispatch;

/// <summary>What one sweep did with one due row.</summary>
public enum RowOutcome
{
    Dispatched,
    Skipped,
    /// <summary>The job is gone, paused or rescheduled: the row was dropped.</summary>
    Stale,
    /// <summary>No slot in the lane: the row stays and its lateness grows.</summary>
    Throttled,
    /// <summary>Held by the BufferOne overlap policy.</summary>
    Held,
    /// <summary>Another sweep dispatched this occurrence first.</summary>
    AlreadyDispatched,
    /// <summary>Written ahead of its job by a create, update or advance still in progress: stays until the job catches up (or the grace runs out).</summary>
    Pending,
    /// <summary>The job changed (or went) between its read and the write that dispatches its run: nothing was written, and the
    /// row is decided again on a fresh read of its job.</summary>
    JobChanged,
    /// <summary>Beyond the lookahead: stays for a later sweep.</summary>
    NotYet,
}
