namespace Scheduler.Core.Alerts;

/// <summary>Settings of job alerts (section <c>Scheduler:Alerts</c>), checked on start by the host's <c>AlertOptionsValidator</c>.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Scheduler:Alerts";

    /// <summary>Rules for every job that has none of its own (a job's own rules replace these, they do not add to them).</summary>
    public List<AlertRule> Defaults { get; set; } = [];
    /// <summary>The dashboard's public base URL, for the link to the run in each alert; the host's own URL when not set.</summary>
    public Uri? DashboardUrl { get; set; }
    /// <summary>How many alerts (sent and suppressed) are kept per job: the newest, the oldest overwritten.</summary>
    public int HistoryPerJob { get; set; } = 50;
    /// <summary>How often the NoSuccessWithin deadlines that came due are read: one storage query each time.</summary>
    public TimeSpan DeadlineCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
