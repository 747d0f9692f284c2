namespace Scheduler.Core.Jobs;

/// <summary>When an occurrence counts as misfired, and what happens to it then.</summary>
public sealed record MisfirePolicy
{
    public static readonly MisfirePolicy Default = new();

    public MisfireAction Action { get; init; } = MisfireAction.RunOnce;
    /// <summary>Lateness beyond which an occurrence is a misfire.</summary>
    public TimeSpan Threshold { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>RunAll: how far back missed occurrences are still run.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(1);
}
