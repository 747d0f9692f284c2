using Scheduler.Core.FollowUps;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Alerts;

/// <summary>The alert follow-up of an ended run: one per run, when a rule of its job watches the status it ended with. Its handler
/// (<see cref="AlertFollowUpHandler"/>) decides which rules fire; the plan only decides whether the run costs that follow-up.</summary>
public static class AlertPlan
{
    /// <summary>The alert follow-up's number, after the notifications' (1-5): its id is <c>{runId}/10</c>.</summary>
    public const int Number = 10;

    public static IReadOnlyList<FollowUp> For(Run ended, IReadOnlyList<AlertRule> defaults)
    {
        ArgumentNullException.ThrowIfNull(ended);
        var rules = AlertRuleSet.For(ended.Definition, defaults);
        return ended.Status.IsTerminal() && rules.Any(r => r.Watches(ended.Status))
            ? [new FollowUp { JobId = ended.JobId, RunId = ended.RunId, Number = Number, Kind = FollowUpKinds.Alert, Target = "alerts" }]
            : [];
    }
}
