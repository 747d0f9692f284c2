using Scheduler.Core.Alerts;
using Scheduler.Core.Runs;

namespace Scheduler.Core.FollowUps;

/// <summary>The one place that decides which follow-ups a run gets: those its job's definition asks for at the status it ended with,
/// and one per child job it may start (each child decides, when carried out, whether this end starts it).</summary>
public static class FollowUpPlan
{
    /// <summary>Child follow-ups are numbered from here (after the notifications), in the order of the run's children.</summary>
    public const int FirstChildNumber = 80;

    /// <summary>The follow-ups of <paramref name="ended"/> (none for a run that has not ended).</summary>
    public static IReadOnlyList<FollowUp> For(Run ended)
    {
        ArgumentNullException.ThrowIfNull(ended);
        if (!ended.Status.IsTerminal())
        {
            return [];
        }

        return [.. Notifications(ended), .. Children(ended)];
    }

    /// <summary>The follow-ups of <paramref name="ended"/> with its alerts, whose rules may come from the host's
    /// <paramref name="alertDefaults"/> (<see cref="AlertPlan"/>).</summary>
    public static IReadOnlyList<FollowUp> For(Run ended, IReadOnlyList<AlertRule> alertDefaults) =>
        [.. For(ended), .. AlertPlan.For(ended, alertDefaults)];

    private static IEnumerable<FollowUp> Notifications(Run ended) => (ended.Definition.Notify ?? [])
        .Select((rule, index) => (Rule: rule, Number: index + 1))
        .Where(r => r.Rule.Matches(ended.Status))
        .Select(r => new FollowUp { JobId = ended.JobId, RunId = ended.RunId, Number = r.Number, Kind = FollowUpKinds.Notify, Target = r.Rule.Url });

    private static IEnumerable<FollowUp> Children(Run ended) => ended.Children
        .Select((child, index) => new FollowUp { JobId = ended.JobId, RunId = ended.RunId, Number = FirstChildNumber + index, Kind = FollowUpKinds.Child, Target = child });
}
