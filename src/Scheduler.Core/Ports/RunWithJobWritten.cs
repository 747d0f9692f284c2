namespace Scheduler.Core.Ports;

/// <summary>What inserting a run together with its job answers: Done (both written, with their new ETags), Conflict (the run
/// exists; nothing written) or Stale (the job changed or is gone; nothing written).</summary>
public sealed record RunWithJobWritten(WriteOutcome Outcome, string? RunETag = null, string? JobETag = null)
{
    public bool Done => Outcome == WriteOutcome.Done;
}
