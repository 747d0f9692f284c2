namespace Scheduler.Functions.Durable;

/// <summary>How a <see cref="DurableRunContext"/> waits. An orchestration replays its waits from its history, so each
/// orchestrator keeps the way its instances began with.</summary>
public enum DurableWaits
{
    /// <summary>The last part of a wait held by the next activity, one durable timer before it for a long wait (<see cref="RunOrchestrator"/>).</summary>
    InActivity,

    /// <summary>Durable timers again and again until the replay-safe clock reaches the instant (<see cref="RunOrchestratorV1"/>).</summary>
    TimersOnly,
}
