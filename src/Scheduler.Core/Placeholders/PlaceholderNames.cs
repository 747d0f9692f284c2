using Scheduler.Core.Jobs;

namespace Scheduler.Core.Placeholders;

/// <summary>The placeholders a target may use: the run's own, its parent run's (empty when it has none) and the job's declared parameters.</summary>
public static class PlaceholderNames
{
    public const string RunId = "run.id";
    public const string RunDue = "run.due";
    public const string RunAttempt = "run.attempt";
    public const string ParentJobId = "parent.jobId";
    public const string ParentRunId = "parent.runId";
    public const string ParentStatus = "parent.status";
    public const string ParentOutput = "parent.output";
    public const string ParamsPrefix = "params.";

    public static readonly IReadOnlyList<string> Fixed = [RunId, RunDue, RunAttempt, ParentJobId, ParentRunId, ParentStatus, ParentOutput];

    public const string Known = "Known placeholders: {{run.id}}, {{run.due}}, {{run.attempt}}, {{parent.jobId}}, {{parent.runId}}, {{parent.status}}, {{parent.output}} and {{params.NAME}} for a parameter the job declares.";

    public static bool IsKnown(string name, IReadOnlyList<JobParameter> parameters) =>
        Fixed.Contains(name, StringComparer.Ordinal)
        || (name.StartsWith(ParamsPrefix, StringComparison.Ordinal) && parameters.Any(p => p.Name == name[ParamsPrefix.Length..]));
}
