namespace Scheduler.Core.FollowUps;

/// <summary>Settings of follow-ups (section <c>Scheduler:FollowUps</c>), checked on start by the host's <c>FollowUpOptionsValidator</c>.</summary>
public sealed class FollowUpOptions
{
    public const string SectionName = "Scheduler:FollowUps";

    /// <summary>How long after a failed try a run's follow-ups are tried again: the run's slot is kept this long, and the sweep that
    /// repairs it tries them.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Tries of one follow-up before it is given up (logged, and recorded on its row).</summary>
    public int MaxTries { get; set; } = 5;
}
