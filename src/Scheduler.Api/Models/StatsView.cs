using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;

namespace Scheduler.Api.Models;

/// <summary>A snapshot of the scheduler over the last hour.</summary>
/// <param name="RunsLastHour">Runs that reached each final status in the last 60 minutes (the stored counters).</param>
/// <param name="LatenessMs">Lateness of the first attempts that started in the last 60 minutes.</param>
/// <param name="JobsTruncated">True when there were more jobs than the stats count (the counts cover the first ones only).</param>
/// <param name="Throttled">Due occurrences the last sweep left for lack of slots.</param>
/// <param name="PoisonMessages">Messages in the poison queue (approximate), waiting for a person to requeue or delete them.</param>
public sealed record StatsView(
    DateTimeOffset GeneratedUtc,
    IReadOnlyDictionary<JobStatus, int> JobsByStatus,
    bool JobsTruncated,
    IReadOnlyDictionary<RunStatus, long> RunsLastHour,
    LatenessView LatenessMs,
    IReadOnlyList<LaneUsage> Lanes,
    int Throttled,
    bool PauseAll,
    DateTimeOffset? LastSweepUtc,
    int PoisonMessages);
