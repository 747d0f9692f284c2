using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Stats;

/// <summary>This host's counts of run outcomes and first-attempt lateness per UTC minute, kept in memory until a flush adds
/// them to the stored counters: once a minute has ended, one write per minute that had runs (not one per run). Until then
/// <see cref="Unflushed"/> lets this host's readers see them. A crash loses the counts not yet flushed, never a run.</summary>
public sealed class RunCounters(IRunCounterStore store, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<DateTimeOffset, Tally> _pending = [];
    private readonly Dictionary<DateTimeOffset, Tally> _flushing = [];

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

    /// <summary>The counts of this host that are not in the store yet, for the minutes in [from, to).</summary>
    public IReadOnlyList<RunCounts> Unflushed(DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        lock (_gate)
        {
            return [.. _pending.Concat(_flushing)
                .Where(p => p.Key + TimeSpan.FromMinutes(1) > fromUtc && p.Key < toUtc)
                .Select(p => p.Value.ToCounts(p.Key))];
        }
    }

    /// <summary>Adds the pending minutes that start before <paramref name="beforeUtc"/> (every one when null) to the store, oldest
    /// first. What could not be written stays pending for the next flush.</summary>
    public async Task FlushAsync(DateTimeOffset? beforeUtc, CancellationToken cancellationToken)
    {
        List<DateTimeOffset> minutes;
        lock (_gate)
        {
            minutes = [.. _pending.Keys.Where(m => beforeUtc is null || m < beforeUtc).Order()];
            foreach (var minute in minutes)
            {
                _flushing[minute] = _pending[minute];
                _pending.Remove(minute);
            }
        }

        try
        {
            foreach (var minute in minutes)
            {
                await store.AddAsync(_flushing[minute].ToCounts(minute), cancellationToken).ConfigureAwait(false);
                lock (_gate)
                {
                    _flushing.Remove(minute);
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                foreach (var (minute, tally) in _flushing)
                {
                    TallyOf(minute).Add(tally);
                }

                _flushing.Clear();
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
}
