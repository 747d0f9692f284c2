namespace Scheduler.Core.Alerts;

/// <summary>A job's alert history is a ring of <see cref="AlertOptions.HistoryPerJob"/> places: the newest record overwrites the
/// oldest, so it is bounded without a delete.</summary>
public static class AlertHistory
{
    /// <summary>The records with their numbers (counted from the job's first alert) turned into places in the ring.</summary>
    public static IReadOnlyList<AlertRecord> Placed(IReadOnlyList<AlertRecord> records, int size)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return [.. records.Select(r => r with { Slot = r.Slot % size })];
    }
}
