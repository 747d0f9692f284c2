namespace Scheduler.Core.Workflow;

/// <summary>Thrown by the Server's run context when a wait is too long to hold in process: the run resumes from the queue at <see cref="ResumeAtUtc"/>.</summary>
public sealed class RunSuspendedException(string runId, DateTimeOffset resumeAtUtc)
    : Exception($"Run '{runId}' resumes at {resumeAtUtc:O}.")
{
    public string RunId => runId;
    public DateTimeOffset ResumeAtUtc => resumeAtUtc;
}
