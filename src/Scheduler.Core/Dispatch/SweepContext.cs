using System.Collections.Concurrent;
using Scheduler.Core.Config;

namespace Scheduler.Core.Dispatch;

/// <summary>What one sweep knows: its instant, the config, the lanes' slots, and the rows to remove at the end.</summary>
internal sealed class SweepContext(DateTimeOffset nowUtc, TimeSpan window, SchedulerConfig config, IReadOnlyDictionary<string, LaneSlots> lanes)
{
    public DateTimeOffset NowUtc => nowUtc;
    /// <summary>Rows due up to <see cref="NowUtc"/> + this take their slot and start in this sweep.</summary>
    public TimeSpan Window => window;
    public SchedulerConfig Config => config;
    public LaneSlots Lane(string lane) => lanes[lane];
    public IEnumerable<LaneSlots> Lanes => lanes.Values;
    public ConcurrentBag<DueEntry> ToRemove { get; } = [];
}
