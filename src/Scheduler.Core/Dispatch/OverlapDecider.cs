using Scheduler.Core.Jobs;

namespace Scheduler.Core.Dispatch;

/// <summary>Applies a job's overlap policy.</summary>
public static class OverlapDecider
{
    public static OverlapDecision Decide(OverlapPolicy policy, bool previousRunActive) => (policy, previousRunActive) switch
    {
        (_, false) => OverlapDecision.Dispatch,
        (OverlapPolicy.Allow, true) => OverlapDecision.Dispatch,
        (OverlapPolicy.Skip, true) => OverlapDecision.Skip,
        (OverlapPolicy.BufferOne, true) => OverlapDecision.Hold,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown overlap policy."),
    };
}
