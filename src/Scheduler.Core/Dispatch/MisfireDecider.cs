using Scheduler.Core.Jobs;

namespace Scheduler.Core.Dispatch;

/// <summary>Applies a job's misfire policy to an occurrence found late by the sweep.</summary>
public static class MisfireDecider
{
    public static MisfireDecision Decide(MisfirePolicy policy, DateTimeOffset dueUtc, DateTimeOffset nowUtc)
    {
        var lateness = nowUtc - dueUtc;
        if (lateness <= policy.Threshold)
        {
            return new MisfireDecision(true, dueUtc, null);
        }

        return policy.Action switch
        {
            MisfireAction.Skip => new MisfireDecision(false, nowUtc, $"misfired by {lateness} (policy Skip)"),
            MisfireAction.RunOnce => new MisfireDecision(true, nowUtc, null),
            MisfireAction.RunAll when lateness <= policy.Window => new MisfireDecision(true, dueUtc, null),
            MisfireAction.RunAll => new MisfireDecision(false, nowUtc - policy.Window, $"misfired by {lateness}, beyond the RunAll window {policy.Window}"),
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy.Action, "Unknown misfire action."),
        };
    }
}
