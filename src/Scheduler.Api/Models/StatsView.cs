using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;

namespace Scheduler.Api.Models;

/// <summary>A snapshot of the scheduler over the last hour.</summary>
/// <param name="JobsTruncated">True when there were more jobs than the stats count (the counts cover the first ones only).</param>
/// <param name="Throttled">Due occurrences the last sweep left for lack of slots.</param>
public sealed record StatsView(
    DateTimeOffset GeneratedUtc,
    IReadOnlyDictionary<JobStatus, int> JobsByStatus,
    bool JobsTruncated,
    IReadOnlyDictionary<RunStatus, int> RunsLastHour,
    LatenessView LatenessMs,
    IReadOnlyList<LaneUsage> Lanes,
    int Throttled,
    bool PauseAll,
    DateTimeOffset? LastSweepUtc);
