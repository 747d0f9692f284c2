namespace Scheduler.Core.Jobs;

/// <summary>A stored job: its definition plus the scheduler's state for it.</summary>
public sealed record Job
{
    public required JobDefinition Definition { get; init; }
    public JobStatus Status { get; init; } = JobStatus.Active;
    /// <summary>The next occurrence, indexed in the due table; null when there is none.</summary>
    public DateTimeOffset? NextDueUtc { get; init; }
    /// <summary>Bumped on every schedule change; due rows carrying another version are stale.</summary>
    public long ScheduleVersion { get; init; }
    /// <summary>The latest dispatched run, scheduled or manual (used by overlap policies).</summary>
    public string? LastRunId { get; init; }
    /// <summary>Scheduled occurrences dispatched so far (what <c>maxOccurrences</c> counts).</summary>
    public int Occurrences { get; init; }
    /// <summary>Manual runs (triggers) dispatched so far; they do not count against <c>maxOccurrences</c>.</summary>
    public int ManualRuns { get; init; }
    /// <summary>Jobs that name this one in their <c>after</c> list, kept here so that a run's end knows its children without a read.
    /// A child's own row is the truth: an id here whose job no longer names this one is ignored (and pruned).</summary>
    public IReadOnlyList<string> Children { get; init; } = [];
    /// <summary>As a child with <c>require: all</c>: the parents' runs that arrived since its last run started that way.</summary>
    public ParentArrivals Arrivals { get; init; } = ParentArrivals.None;
    public DateTimeOffset CreatedUtc { get; init; }
    public DateTimeOffset UpdatedUtc { get; init; }
    /// <summary>Storage concurrency token; null before the job is stored.</summary>
    public string? ETag { get; init; }

    public string Id => Definition.Id;
}
