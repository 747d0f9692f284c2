namespace Scheduler.Core.Retention;

/// <summary>What one <see cref="RetentionPass"/> removed: runs (each with its attempts), per-minute counter rows, idempotency
/// keys and audit entries. <see cref="Truncated"/> means it stopped at <see cref="RetentionOptions.MaxDeletesPerPass"/> with more left.</summary>
public sealed record RetentionReport(int Runs, int Counters, int Keys, bool Truncated)
{
    /// <summary>Audit entries removed (<see cref="RetentionOptions.AuditFor"/>).</summary>
    public int Audit { get; init; }
}
