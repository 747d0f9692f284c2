using Scheduler.Core.Ports;
using Scheduler.Core.Stats;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>The run counters in memory, one entry per minute; <see cref="FailNextAdds"/> makes adds throw as a storage outage would.</summary>
public sealed class InMemoryRunCounterStore : InMemoryStore, IRunCounterStore
{
    private readonly SortedDictionary<DateTimeOffset, RunCounts> minutes = [];

    public int FailNextAdds { get; set; }

    public int Adds { get; private set; }

    public Task AddAsync(RunCounts delta, CancellationToken cancellationToken) => Call(() =>
    {
        if (FailNextAdds > 0)
        {
            FailNextAdds--;
            throw new IOException("storage unreachable");
        }

        Adds++;
        var minute = RunCounts.MinuteOf(delta.Minute);
        minutes[minute] = (minutes.GetValueOrDefault(minute) ?? new RunCounts { Minute = minute }).Plus(delta);
    });

    public Task<IReadOnlyList<RunCounts>> ReadAsync(DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken) =>
        Call<IReadOnlyList<RunCounts>>(() => [.. minutes.Values.Where(m => m.Minute + TimeSpan.FromMinutes(1) > fromUtc && m.Minute < toUtc)]);

    public Task<int> DeleteBeforeAsync(DateTimeOffset beforeUtc, int limit, CancellationToken cancellationToken) => Call(() =>
    {
        var old = minutes.Keys.Where(m => m + TimeSpan.FromMinutes(1) <= beforeUtc).Take(limit).ToList();
        old.ForEach(m => minutes.Remove(m));
        return old.Count;
    });

    public int Count => Locked(() => minutes.Count);

    /// <summary>Everything counted, summed.</summary>
    public RunCounts Total => Locked(() => RunCounts.Sum(default, minutes.Values));
}
