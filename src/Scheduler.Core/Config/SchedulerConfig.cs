namespace Scheduler.Core.Config;

/// <summary>Settings that operators change at run time; the sweep reads them on every tick.</summary>
public sealed record SchedulerConfig
{
    public const int DefaultConcurrency = 16;

    /// <summary>Budget of a lane that has no budget of its own.</summary>
    public int DefaultLaneConcurrency { get; init; } = DefaultConcurrency;
    /// <summary>Budgets of named lanes.</summary>
    public IReadOnlyDictionary<string, int> Lanes { get; init; } = new Dictionary<string, int>();
    /// <summary>Stops dispatching everywhere; runs in flight finish.</summary>
    public bool PauseAll { get; init; }
    public string? ETag { get; init; }

    public int BudgetOf(string lane) =>
        Lanes.TryGetValue(lane, out var budget) ? budget : DefaultLaneConcurrency;
}
