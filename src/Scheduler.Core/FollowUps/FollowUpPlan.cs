using Scheduler.Core.Alerts;
using Scheduler.Core.Runs;

namespace Scheduler.Core.FollowUps;

/// <summary>The one place that decides which follow-ups a run gets: those its job's definition asks for at the status it ended with.</summary>
public static class FollowUpPlan
{
    /// <summary>The follow-ups of <paramref name="ended"/> (none for a run that has not ended).</summary>
    public static IReadOnlyList<FollowUp> For(Run ended)
    {
        ArgumentNullException.ThrowIfNull(ended);
        if (!ended.Status.IsTerminal() || ended.Definition.Notify is not { Count: > 0 } rules)
        {
            return [];
        }

        return [.. rules
            .Select((rule, index) => (Rule: rule, Number: index + 1))
            .Where(r => r.Rule.Matches(ended.Status))
            .Select(r => new FollowUp { JobId = ended.JobId, RunId = ended.RunId, Number = r.Number, Kind = FollowUpKinds.Notify, Target = r.Rule.Url })];
    }

    /// <summary>The follow-ups of <paramref name="ended"/> with its alerts, whose rules may come from the host's
    /// <paramref name="alertDefaults"/> (<see cref="AlertPlan"/>).</summary>
    public static IReadOnlyList<FollowUp> For(Run ended, IReadOnlyList<AlertRule> alertDefaults) =>
        [.. For(ended), .. AlertPlan.For(ended, alertDefaults)];
}
