namespace Scheduler.Core.Stats;

/// <summary>Settings of the run counters (section <c>Scheduler:Stats</c>), checked on start by the host's <c>StatsOptionsValidator</c>.</summary>
public sealed class StatsOptions
{
    public const string SectionName = "Scheduler:Stats";

    /// <summary>How often a host looks for ended minutes whose counts it holds and adds them to the stored counters (one write per
    /// minute that had runs). Other hosts see a minute's counts up to a minute plus this long after it began; the host itself sees
    /// them at once. A crash loses the counts of the current minute and of ended ones not yet written (never a run).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(10);
}
