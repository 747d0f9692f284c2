namespace Scheduler.Core.Workflow;

/// <summary>How the caller of an attempt step holds the run's slot, chosen by the host once per run instead of passed as flags.
/// <see cref="Queued"/>: the run came through the runs queue, whose message (or Durable's activity) carries it, and its slot keeps
/// the long lease taken at dispatch. A host that runs runs in its own process (the Server) has a tenure of its own.</summary>
public class SlotTenure
{
    /// <summary>A run taken from the runs queue (both hosts).</summary>
    public static readonly SlotTenure Queued = new();

    /// <summary>The run has no queue message: the slot's lease, renewed by this process, is its only lease.</summary>
    public virtual bool RenewsLease => false;

    /// <summary>Whether the caller holds the run's slot already (the sweep that took it launched the run here), so the step
    /// neither claims nor marks it again.</summary>
    public virtual bool OwnsSlot => false;

    /// <summary>Sees the outcome once the attempt is recorded and before its slot is given back, while the slot still anchors the
    /// run's recovery (a run without a queue message makes its resume durable here).</summary>
    public virtual Task BeforeReleaseAsync(AttemptOutcome outcome, CancellationToken cancellationToken) => Task.CompletedTask;
}
