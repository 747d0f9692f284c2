using Scheduler.Core.Alerts;

namespace Scheduler.Core.Ports;

/// <summary>Job alerts' state and history (rows of the job's partition) and the NoSuccessWithin deadline index.</summary>
public interface IAlertStore
{
    /// <summary>The job's alert state, or null before its first alert decision.</summary>
    Task<AlertState?> GetStateAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Writes the state (inserted when it has no ETag, else replaced if unchanged) and the records (each overwriting the
    /// oldest in its history slot) in one atomic write: <see cref="WriteOutcome.Stale"/> or <see cref="WriteOutcome.Conflict"/> writes none.</summary>
    Task<Written> DecideAsync(AlertState state, IReadOnlyList<AlertRecord> records, CancellationToken cancellationToken);

    /// <summary>The job's alert history, newest first.</summary>
    Task<IReadOnlyList<AlertRecord>> ListAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>Records a delivery (done, failed try, given up) on the record, with its ETag: Stale when it changed or was overwritten.</summary>
    Task<Written> RecordDeliveryAsync(AlertRecord record, CancellationToken cancellationToken);

    /// <summary>Adds the deadline row, or rewrites it if there.</summary>
    Task ArmAsync(AlertDeadline deadline, CancellationToken cancellationToken);

    /// <summary>Deadline rows due at <paramref name="nowUtc"/>, earliest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<AlertDeadline>> ListDueAsync(DateTimeOffset nowUtc, int max, CancellationToken cancellationToken);

    /// <summary>Removes the deadline row (a missing one is not an error).</summary>
    Task RemoveAsync(AlertDeadline deadline, CancellationToken cancellationToken);
}
