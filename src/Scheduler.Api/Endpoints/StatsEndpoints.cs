using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Stats;

namespace Scheduler.Api.Endpoints;

/// <summary>Counts over jobs, the last hour's runs and lateness (from the per-minute run counters: at most 60 rows read), and
/// the lanes' slots.</summary>
public static class StatsEndpoints
{
    /// <summary>Jobs counted at most; beyond it the counts are marked truncated (the job table is read in full otherwise).</summary>
    public const int MaxJobsCounted = 50_000;
    private const int Page = 1000;

    public static async Task<Ok<StatsView>> GetAsync(IJobStore jobs, RunHistory history, ISlotStore slots, IConfigStore config, IPoisonMessages poison, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poison);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var (byStatus, jobLanes, truncated) = await CountJobsAsync(jobs, cancellationToken).ConfigureAwait(false);
        var window = CounterWindow.LastHour(now);
        var hour = RunCounts.Sum(window.FromUtc, await history.ReadAsync(window.FromUtc, window.ToUtc, cancellationToken).ConfigureAwait(false));
        var settings = await config.GetAsync(cancellationToken).ConfigureAwait(false);
        var sweep = await config.GetSweepStateAsync(cancellationToken).ConfigureAwait(false);

        var lanes = new SortedSet<string>(StringComparer.Ordinal) { JobDefinition.DefaultLane };
        lanes.UnionWith(settings.Lanes.Keys);
        lanes.UnionWith(jobLanes);
        var usage = new List<LaneUsage>();
        foreach (var lane in lanes.Take(200))
        {
            var budget = settings.BudgetOf(lane);
            var rows = await slots.ReadLaneAsync(lane, cancellationToken).ConfigureAwait(false);
            usage.Add(new LaneUsage(lane, rows.Count(s => s.Number < budget && s.IsHeld(now)), budget));
        }

        var view = new StatsView(
            now,
            byStatus,
            truncated,
            RunCounts.Outcomes.ToDictionary(s => s, hour.FinishedWith),
            LatenessView.Of(hour),
            usage,
            sweep.LastThrottled,
            settings.PauseAll,
            sweep.LastSweepUtc,
            await poison.CountAsync(cancellationToken).ConfigureAwait(false));
        return TypedResults.Ok(view);
    }

    private static async Task<(Dictionary<JobStatus, int> ByStatus, HashSet<string> Lanes, bool Truncated)> CountJobsAsync(IJobStore jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var counts = Enum.GetValues<JobStatus>().ToDictionary(s => s, _ => 0);
        var lanes = new HashSet<string>(StringComparer.Ordinal);
        var seen = 0;
        string? continuation = null;
        do
        {
            var page = await jobs.ListAsync(new JobQuery { Limit = Page, Continuation = continuation }, cancellationToken).ConfigureAwait(false);
            foreach (var job in page.Items)
            {
                counts[job.Status]++;
                lanes.Add(job.Definition.Lane);
            }

            seen += page.Items.Count;
            continuation = page.Continuation;
        }
        while (continuation is not null && seen < MaxJobsCounted);

        return (counts, lanes, continuation is not null);
    }
}
