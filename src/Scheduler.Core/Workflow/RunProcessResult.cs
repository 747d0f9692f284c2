namespace Scheduler.Core.Workflow;

/// <summary>What the Server's worker does with the message after processing: delete it, or hide it until the run resumes.</summary>
public sealed record RunProcessResult(RunOutcome? Outcome, DateTimeOffset? ResumeAtUtc)
{
    public bool Suspended => ResumeAtUtc is not null;
}
