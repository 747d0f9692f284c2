using Scheduler.Core.Runs;

namespace Scheduler.Core.Stats;

/// <summary>One minute's counts as <see cref="RunCounters"/> accumulates them (mutable, under its lock).</summary>
internal sealed class Tally
{
    public long[] Finished { get; } = new long[Enum.GetValues<RunStatus>().Length];
    public long[] Lateness { get; } = new long[LatenessBuckets.Count];

    public void Add(Tally other)
    {
        for (var i = 0; i < Finished.Length; i++)
        {
            Finished[i] += other.Finished[i];
        }

        for (var k = 0; k < Lateness.Length; k++)
        {
            Lateness[k] += other.Lateness[k];
        }
    }

    public RunCounts ToCounts(DateTimeOffset minute) => new()
    {
        Minute = minute,
        Finished = RunCounts.Outcomes.Where(s => Finished[(int)s] > 0).ToDictionary(s => s, s => Finished[(int)s]),
        Lateness = [.. Lateness],
    };
}
