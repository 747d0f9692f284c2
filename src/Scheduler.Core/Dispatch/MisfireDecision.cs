namespace Scheduler.Core.Dispatch;

/// <summary>Whether to run a (possibly late) occurrence, and from where the schedule resumes.</summary>
/// <param name="Run">Dispatch this occurrence.</param>
/// <param name="ResumeAfterUtc">The next occurrence is the first one strictly after this instant.</param>
public sealed record MisfireDecision(bool Run, DateTimeOffset ResumeAfterUtc, string? Reason);
