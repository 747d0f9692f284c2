using Scheduler.Core.Stats;

namespace Scheduler.Core.Ports;

/// <summary>Per-minute counters of runs (final statuses and first-attempt lateness), one stored row per UTC minute.</summary>
public interface IRunCounterStore
{
    /// <summary>Adds <paramref name="delta"/> to its minute's row. Writers on several hosts may add to one minute at once:
    /// none of their increments is lost.</summary>
    Task AddAsync(RunCounts delta, CancellationToken cancellationToken);

    /// <summary>The minutes in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) that have counts, oldest first.</summary>
    Task<IReadOnlyList<RunCounts>> ReadAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="limit"/> minutes that ended by <paramref name="beforeUtc"/> (a minute still partly
    /// within the window is kept whole), oldest first;
    /// answers how many it deleted (fewer than the limit: none older is left).</summary>
    Task<int> DeleteBeforeAsync(DateTimeOffset beforeUtc, int limit, CancellationToken cancellationToken);
}
