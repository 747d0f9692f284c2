namespace Scheduler.Core.Stats;

/// <summary>Settings of the run counters (section <c>Scheduler:Stats</c>).</summary>
public sealed class StatsOptions
{
    public const string SectionName = "Scheduler:Stats";

    /// <summary>How often a host adds the counts it holds to the stored counters: the dashboard's history lags by up to this
    /// long, a crash loses up to this long of counts (never a run), and each minute with runs costs one write per flush.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(10);

    public void Validate()
    {
        if (FlushInterval <= TimeSpan.Zero || FlushInterval > TimeSpan.FromMinutes(1))
        {
            throw new InvalidOperationException("Scheduler:Stats:FlushInterval must be more than zero and at most 00:01:00.");
        }
    }
}
