using System.Globalization;
using Scheduler.Core.Audit;
using Scheduler.Core.Ports;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>The audit trail in memory: newest first, the continuation being the id of the last entry returned.</summary>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly Lock gate = new();
    private readonly List<AuditEntry> entries = [];
    private long sequence;

    public Task<AuditEntry> RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            // Newest first in ordinal order, like the table's keys: the instant counted down, then a counter.
            var id = (DateTimeOffset.MaxValue.UtcTicks - entry.AtUtc.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)
                + (uint.MaxValue - (uint)++sequence).ToString("D10", CultureInfo.InvariantCulture);
            var stored = entry with { Id = id };
            entries.Add(stored);
            return Task.FromResult(stored);
        }
    }

    public Task<Page<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (gate)
        {
            var matching = entries
                .Where(e => e.AtUtc >= query.SinceUtc && e.AtUtc < query.UntilUtc)
                .Where(e => Is(query.EntityKind, e.EntityKind) && Is(query.EntityId, e.EntityId) && Is(query.JobId, e.JobId) && Is(query.Caller, e.Caller))
                .Where(e => query.Continuation is null || string.CompareOrdinal(e.Id, query.Continuation) > 0)
                .OrderBy(e => e.Id, StringComparer.Ordinal)
                .ToList();
            var page = matching.Take(query.Limit).ToList();
            return Task.FromResult(new Page<AuditEntry>(page, matching.Count > page.Count ? page[^1].Id : null));
        }
    }

    public Task<int> DeleteBeforeAsync(DateTimeOffset beforeUtc, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var old = entries.Where(e => e.AtUtc < beforeUtc).Take(limit).ToList();
            old.ForEach(e => entries.Remove(e));
            return Task.FromResult(old.Count);
        }
    }

    private static bool Is(string? wanted, string? value) => wanted is null || wanted == value;
}
