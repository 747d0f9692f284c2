namespace Scheduler.Core.Retention;

/// <summary>How long Scheduler keeps what it writes (section <c>Scheduler:Retention</c>), checked on start by the host's
/// <c>RetentionOptionsValidator</c>. The <see cref="RetentionPass"/> applies them every <see cref="Interval"/>.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Scheduler:Retention";

    /// <summary>How long an ended run (succeeded, failed, canceled, skipped) is kept after it finished, with its attempts.
    /// A run that has not ended, and the run a job's last run points to, are kept whatever their age.</summary>
    public TimeSpan RunsFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>When set, at most this many ended runs per job are kept (the newest), however young the others are.</summary>
    public int? RunsPerJob { get; set; }

    /// <summary>How long the per-minute run counters are kept (a minute goes once it ended this long ago): the charts read the
    /// last 24 hours.</summary>
    public TimeSpan CountersFor { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long an <c>Idempotency-Key</c> holds after the POST that claimed it: a repeat within it gets the job the
    /// first POST created; once the pass after it has forgotten the key, the key is new again.</summary>
    public TimeSpan IdempotencyKeysFor { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long an audit entry (a change made through the API) is kept after it was recorded.</summary>
    public TimeSpan AuditFor { get; set; } = TimeSpan.FromDays(90);

    /// <summary>On the Functions host, how long Durable keeps the history of an ended orchestration (its run's execution).</summary>
    public TimeSpan DurableHistoryFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often a host runs the retention pass.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most runs, counter rows, keys and audit entries one pass deletes (each): a backlog is worked off over several passes.</summary>
    public int MaxDeletesPerPass { get; set; } = 5_000;
}
