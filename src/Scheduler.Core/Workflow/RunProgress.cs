namespace Scheduler.Core.Workflow;

/// <summary>How far a run's workflow got in this process: ended (<see cref="Outcome"/>), suspended until
/// <see cref="ResumeAtUtc"/> (the host resumes it then), or neither: it continued as new (the host starts it again).</summary>
public sealed record RunProgress(RunOutcome? Outcome, DateTimeOffset? ResumeAtUtc)
{
    public static RunProgress Ended(RunOutcome outcome) => new(outcome, null);
    public static RunProgress SuspendedUntil(DateTimeOffset resumeAtUtc) => new(null, resumeAtUtc);
    public static readonly RunProgress ContinuedAsNew = new(null, null);

    public bool Suspended => ResumeAtUtc is not null;
}
