using Scheduler.Core.Audit;

namespace Scheduler.Core.Ports;

/// <summary>The audit trail: entries are written once, listed newest first, and removed by age.</summary>
public interface IAuditLog
{
    /// <summary>Writes the entry; answers it with its <see cref="AuditEntry.Id"/>.</summary>
    Task<AuditEntry> RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    Task<Page<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Removes up to <paramref name="limit"/> entries recorded before <paramref name="beforeUtc"/>; answers how many.</summary>
    Task<int> DeleteBeforeAsync(DateTimeOffset beforeUtc, int limit, CancellationToken cancellationToken);
}
