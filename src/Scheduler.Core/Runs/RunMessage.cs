namespace Scheduler.Core.Runs;

/// <summary>The queue message that starts or resumes a run.</summary>
public sealed record RunMessage(string JobId, string RunId);
