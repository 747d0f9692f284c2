using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Stats;

/// <summary>This host's counts of run outcomes and first-attempt lateness per UTC minute, kept in memory until
/// <see cref="FlushAsync"/> adds them to the stored counters (one write per minute that has counts, not one per run).
/// A crash loses the counts not yet flushed, never a run.</summary>
public sealed class RunCounters(IRunCounterStore store, TimeProvider time)
{
    private readonly Lock _gate = new();
    private Dictionary<DateTimeOffset, Tally> _pending = [];

    /// <summary>Minutes with counts not yet flushed.</summary>
    public int PendingMinutes
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Counts a run that reached <paramref name="status"/> (ignored unless final) at <paramref name="atUtc"/> (now when unknown).</summary>
    public void Finished(RunStatus status, DateTimeOffset? atUtc)
    {
        if (!status.IsTerminal())
        {
            return;
        }

        lock (_gate)
        {
            TallyOf(atUtc ?? time.GetUtcNow()).Finished[(int)status]++;
        }
    }

    /// <summary>Counts a first attempt that started at <paramref name="atUtc"/> this late (negative: early).</summary>
    public void Started(double latenessMs, DateTimeOffset atUtc)
    {
        lock (_gate)
        {
            TallyOf(atUtc).Lateness[LatenessBuckets.IndexOf(latenessMs)]++;
        }
    }

    /// <summary>Adds every pending minute to the store. What could not be written stays pending for the next flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        Dictionary<DateTimeOffset, Tally> taken;
        lock (_gate)
        {
            taken = _pending;
            _pending = [];
        }

        var left = new Queue<KeyValuePair<DateTimeOffset, Tally>>(taken.OrderBy(p => p.Key));
        try
        {
            while (left.TryPeek(out var minute))
            {
                await store.AddAsync(minute.Value.ToCounts(minute.Key), cancellationToken).ConfigureAwait(false);
                left.Dequeue();
            }
        }
        finally
        {
            if (left.Count > 0)
            {
                lock (_gate)
                {
                    foreach (var (minute, tally) in left)
                    {
                        TallyOf(minute).Add(tally);
                    }
                }
            }
        }
    }

    private Tally TallyOf(DateTimeOffset instant)
    {
        var minute = RunCounts.MinuteOf(instant);
        if (!_pending.TryGetValue(minute, out var tally))
        {
            tally = new Tally();
            _pending[minute] = tally;
        }

        return tally;
    }

    private sealed class Tally
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
}
