using Scheduler.Core.Alerts;
using Scheduler.Core.Schedules;
using Scheduler.Core.Targets;

namespace Scheduler.Core.Jobs;

/// <summary>What a user submits: the target, the schedule and the policies of one job.</summary>
public sealed record JobDefinition
{
    public const string DefaultLane = "default";

    public required string Id { get; init; }
    public string? Name { get; init; }
    public required TargetSpec Target { get; init; }
    public required ScheduleSpec Schedule { get; init; }
    /// <summary>0 (lowest) to 9 (highest); breaks ties between occurrences due at the same instant.</summary>
    public int Priority { get; init; } = 5;
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;
    /// <summary>Per-attempt timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>The concurrency lane whose budget this job's runs count against.</summary>
    public string Lane { get; init; } = DefaultLane;
    public OverlapPolicy Overlap { get; init; } = OverlapPolicy.Allow;
    public MisfirePolicy Misfire { get; init; } = MisfirePolicy.Default;
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
    /// <summary>Up to 5 URLs to POST to when a run of the job ends (Failed, Succeeded or either): delivered after the run ends, retried
    /// when refused, each with a Scheduler-Notification-Id header to drop repeats by.</summary>
    public IReadOnlyList<NotifyRule> Notify { get; init; } = [];
    /// <summary>Up to 20 parameters with their defaults; a run's values (given or default) are frozen on it at dispatch.</summary>
    public IReadOnlyList<JobParameter> Parameters { get; init; } = [];
    /// <summary>Up to 5 alert rules (Failed, ConsecutiveFailures, Recovered, LongerThan, NoSuccessWithin), each a signed webhook
    /// with a cooldown; when empty, the configured default rules apply.</summary>
    public IReadOnlyList<AlertRule> Alerts { get; init; } = [];
    /// <summary>Up to 10 parent jobs: a run of one that ends as its rule says starts one run of this job (with <c>require</c> when
    /// there are several). The edge lives here, on the child.</summary>
    public IReadOnlyList<ParentRule> After { get; init; } = [];
    /// <summary>With several parents: whether a run needs all of them (the default) or any one.</summary>
    public ParentsRequired Require { get; init; } = ParentsRequired.All;
}
