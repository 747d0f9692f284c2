using System.Globalization;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>The due table in memory, ordered by bucket then RowKey <c>{dueTicks:D19}-{9-priority}-{jobId}</c>. Adds are upserts,
/// stamped with the write time like a table entity's Timestamp and given a new ETag; a removal with an ETag removes only that version.</summary>
public sealed class InMemoryDueIndex(TimeProvider? time = null) : InMemoryStore, IDueIndex
{
    private readonly SortedDictionary<(string Bucket, string RowKey), DueEntry> rows = new(KeyOrder.Instance);
    private readonly ETags etags = new();
    private Func<Task>? beforeNextAdd;

    public IReadOnlyList<DueEntry> Entries => Locked(() => rows.Values.ToList());

    public static string RowKey(DueEntry entry) =>
        string.Create(CultureInfo.InvariantCulture, $"{entry.DueUtc.UtcTicks:D19}-{9 - entry.Priority}-{entry.JobId}");

    /// <summary>Runs once, before the next add is written (a test's way to let another writer in just then).</summary>
    public Func<Task>? BeforeNextAdd
    {
        get => beforeNextAdd;
        set => beforeNextAdd = value;
    }

    public async Task AddAsync(DueEntry entry, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref beforeNextAdd, null) is { } before)
        {
            await before().ConfigureAwait(false);
        }

        await Call(() => rows[(entry.Bucket, RowKey(entry))] = entry with { WrittenUtc = (time ?? TimeProvider.System).GetUtcNow(), ETag = etags.Next() }).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<DueEntry>> ReadAsync(string fromBucket, string toBucket, int max, CancellationToken cancellationToken) => Call<IReadOnlyList<DueEntry>>(() => rows
        .Where(r => string.CompareOrdinal(r.Key.Bucket, fromBucket) >= 0 && string.CompareOrdinal(r.Key.Bucket, toBucket) <= 0)
        .Select(r => r.Value)
        .Take(Math.Max(0, max))
        .ToList());

    public Task RemoveAsync(IReadOnlyCollection<DueEntry> entries, CancellationToken cancellationToken) => Call(() =>
    {
        foreach (var entry in entries)
        {
            var key = (entry.Bucket, RowKey(entry));
            if (entry.ETag is null || (rows.TryGetValue(key, out var stored) && stored.ETag == entry.ETag))
            {
                rows.Remove(key);
            }
        }
    });

    private sealed class KeyOrder : IComparer<(string Bucket, string RowKey)>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare((string Bucket, string RowKey) x, (string Bucket, string RowKey) y)
        {
            var byBucket = string.CompareOrdinal(x.Bucket, y.Bucket);
            return byBucket != 0 ? byBucket : string.CompareOrdinal(x.RowKey, y.RowKey);
        }
    }
}
