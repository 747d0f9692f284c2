using Scheduler.Core.Dispatch;

namespace Scheduler.Core.Ports;

/// <summary>The due table: occurrences bucketed by UTC minute so that a sweep reads only what is due.</summary>
public interface IDueIndex
{
    Task AddAsync(DueEntry entry, CancellationToken cancellationToken);
    /// <summary>Rows in buckets from <paramref name="fromBucket"/> to <paramref name="toBucket"/> inclusive, in key order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<DueEntry>> ReadAsync(string fromBucket, string toBucket, int max, CancellationToken cancellationToken);
    /// <summary>Removes rows (missing rows are not an error), batching per bucket.</summary>
    Task RemoveAsync(IReadOnlyCollection<DueEntry> entries, CancellationToken cancellationToken);
}
