using System.Collections.Concurrent;
using Scheduler.Core.Config;

namespace Scheduler.Core.Dispatch;

/// <summary>What one sweep knows: its instant, the config, the lanes' slots, and the rows to remove at the end.</summary>
internal sealed class SweepContext(DateTimeOffset nowUtc, SchedulerConfig config, IReadOnlyDictionary<string, LaneSlots> lanes)
{
    public DateTimeOffset NowUtc => nowUtc;
    public SchedulerConfig Config => config;
    public LaneSlots Lane(string lane) => lanes[lane];
    public IEnumerable<LaneSlots> Lanes => lanes.Values;
    public ConcurrentBag<DueEntry> ToRemove { get; } = [];
}
