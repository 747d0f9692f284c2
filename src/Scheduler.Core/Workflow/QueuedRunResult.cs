namespace Scheduler.Core.Workflow;

/// <summary>How a run taken from the queue left this process: ended (delete its message), or suspended until
/// <see cref="ResumeAtUtc"/> (hide its message until then).</summary>
public sealed record QueuedRunResult(RunOutcome? Outcome, DateTimeOffset? ResumeAtUtc)
{
    public bool Suspended => ResumeAtUtc is not null;
}
