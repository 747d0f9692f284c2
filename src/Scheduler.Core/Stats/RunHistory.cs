using Scheduler.Core.Ports;

namespace Scheduler.Core.Stats;

/// <summary>Reads the run counters: the stored minutes plus this host's counts not flushed yet, so the host that answers sees
/// its own runs at once (other hosts' show once their minute is flushed).</summary>
public sealed class RunHistory(IRunCounterStore store, RunCounters counters)
{
    /// <summary>The minutes in [from, to) that have counts, oldest first.</summary>
    public async Task<IReadOnlyList<RunCounts>> ReadAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(fromUtc, toUtc, cancellationToken).ConfigureAwait(false);
        return [.. stored.Concat(counters.Unflushed(fromUtc, toUtc))
            .GroupBy(m => m.Minute)
            .OrderBy(g => g.Key)
            .Select(g => RunCounts.Sum(g.Key, g))];
    }
}
