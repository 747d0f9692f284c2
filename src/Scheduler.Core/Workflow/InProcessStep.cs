namespace Scheduler.Core.Workflow;

/// <summary>How an attempt step runs for a run in process (no queue message, so the slot's renewed lease is its only lease).</summary>
/// <param name="OwnsSlot">The caller holds the run's slot already: the sweep that took it launched the run here.</param>
/// <param name="BeforeSlotRelease">Sees the outcome once the attempt is recorded and before the slot is given back.</param>
public sealed record InProcessStep(bool OwnsSlot, Func<AttemptOutcome, CancellationToken, Task>? BeforeSlotRelease);
