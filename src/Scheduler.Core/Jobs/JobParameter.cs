namespace Scheduler.Core.Jobs;

/// <summary>A value a job's runs are started with: a trigger may pass it, a run without one uses its default.
/// Targets read it through the placeholder <c>{{params.NAME}}</c>.</summary>
public sealed record JobParameter
{
    /// <summary>1-64 letters, digits, '_' or '-', starting with a letter or '_'.</summary>
    public required string Name { get; init; }
    /// <summary>The value of a run that is not given one (a scheduled run, a trigger without it).</summary>
    public string Default { get; init; } = "";
    public string? Description { get; init; }
}
