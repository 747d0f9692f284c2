using Scheduler.Core.Dispatch;

namespace Scheduler.Core.Ports;

/// <summary>The due table: occurrences bucketed by UTC minute so that a sweep reads only what is due.</summary>
public interface IDueIndex
{
    Task AddAsync(DueEntry entry, CancellationToken cancellationToken);
    /// <summary>Rows in buckets from <paramref name="fromBucket"/> to <paramref name="toBucket"/> inclusive, in key order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<DueEntry>> ReadAsync(string fromBucket, string toBucket, int max, CancellationToken cancellationToken);
    /// <summary>Removes rows (missing rows are not an error), batching per bucket. A row read with an ETag is removed only if it
    /// was not written again since (a create, update or repair may have rewritten the same key meanwhile: that row stays).</summary>
    Task RemoveAsync(IReadOnlyCollection<DueEntry> entries, CancellationToken cancellationToken);
}
