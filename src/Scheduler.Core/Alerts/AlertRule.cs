using Scheduler.Core.Runs;

namespace Scheduler.Core.Alerts;

/// <summary>One alert rule of a job (or of the configured defaults): what fires it, where it goes, how often at most.</summary>
public sealed record AlertRule
{
    public AlertOn On { get; init; } = AlertOn.Failed;
    /// <summary>ConsecutiveFailures: the streak that fires it.</summary>
    public int? Count { get; init; }
    /// <summary>LongerThan: the run time that fires it.</summary>
    public TimeSpan? Duration { get; init; }
    /// <summary>NoSuccessWithin: how long without a successful run fires it.</summary>
    public TimeSpan? Window { get; init; }
    public required AlertWebhook Webhook { get; init; }
    /// <summary>After an alert of this rule is sent, further ones within this time are suppressed (recorded, not sent).</summary>
    public TimeSpan? Cooldown { get; init; }

    /// <summary>Whether a run that ended as <paramref name="status"/> is something this rule looks at: the one place that decides
    /// which run ends cost an alert follow-up.</summary>
    public bool Watches(RunStatus status) => On switch
    {
        AlertOn.Failed => status == RunStatus.Failed,
        _ => status is RunStatus.Failed or RunStatus.Succeeded,
    };
}
