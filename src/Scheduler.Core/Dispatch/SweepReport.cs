namespace Scheduler.Core.Dispatch;

/// <summary>The outcome of one sweep.</summary>
public sealed record SweepReport(int RowsRead, IReadOnlyDictionary<RowOutcome, int> Outcomes, string Cursor, bool Paused)
{
    /// <summary>The earliest row read but not yet inside the dispatch window: when a host that can wake at will should sweep next.</summary>
    public DateTimeOffset? NextDueUtc { get; init; }

    /// <summary>The read stopped at its limit: more due rows may wait behind it.</summary>
    public bool Truncated { get; init; }

    public int Count(RowOutcome outcome) => Outcomes.TryGetValue(outcome, out var n) ? n : 0;
}
