using Scheduler.Core.Jobs;

namespace Scheduler.Core.Alerts;

/// <summary>The one place that decides which alert rules a job has: its own when it has any, else the configured defaults.
/// A rule's number is its 1-based place in that list.</summary>
public static class AlertRuleSet
{
    public static IReadOnlyList<AlertRule> For(JobDefinition job, IReadOnlyList<AlertRule> defaults)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(defaults);
        return job.Alerts is { Count: > 0 } own ? own : defaults;
    }
}
