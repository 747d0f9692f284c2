namespace Scheduler.Core.Dispatch;

/// <summary>The outcome of one sweep.</summary>
public sealed record SweepReport(int RowsRead, IReadOnlyDictionary<RowOutcome, int> Outcomes, string Cursor, bool Paused)
{
    public int Count(RowOutcome outcome) => Outcomes.TryGetValue(outcome, out var n) ? n : 0;
}
