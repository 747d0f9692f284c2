using Microsoft.AspNetCore.Http;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Api.Endpoints;

/// <summary>Counts over jobs, the last hour's runs, lateness percentiles and the lanes' slots.</summary>
public static class StatsEndpoints
{
    /// <summary>Jobs counted at most; beyond it the counts are marked truncated (the job table is read in full otherwise).</summary>
    public const int MaxJobsCounted = 50_000;
    private const int Page = 1000;
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public static async Task<IResult> GetAsync(IJobStore jobs, IRunStore runs, ISlotStore slots, IConfigStore config, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var (byStatus, truncated) = await CountJobsAsync(jobs, cancellationToken).ConfigureAwait(false);
        var recent = await runs.ListCreatedSinceAsync(now - Window, cancellationToken).ConfigureAwait(false);
        var settings = await config.GetAsync(cancellationToken).ConfigureAwait(false);
        var sweep = await config.GetSweepStateAsync(cancellationToken).ConfigureAwait(false);

        var lanes = new SortedSet<string>(StringComparer.Ordinal) { JobDefinition.DefaultLane };
        lanes.UnionWith(settings.Lanes.Keys);
        lanes.UnionWith(recent.Select(r => r.Lane));
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
            recent.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()),
            Lateness(recent.Where(r => r.LatenessMs is not null).Select(r => r.LatenessMs!.Value)),
            usage,
            sweep.LastThrottled,
            settings.PauseAll,
            sweep.LastSweepUtc);
        return new EntityResult(view, StatusCodes.Status200OK);
    }

    private static async Task<(Dictionary<JobStatus, int> ByStatus, bool Truncated)> CountJobsAsync(IJobStore jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var counts = Enum.GetValues<JobStatus>().ToDictionary(s => s, _ => 0);
        var seen = 0;
        string? continuation = null;
        do
        {
            var page = await jobs.ListAsync(new JobQuery { Limit = Page, Continuation = continuation }, cancellationToken).ConfigureAwait(false);
            foreach (var job in page.Items)
            {
                counts[job.Status]++;
            }

            seen += page.Items.Count;
            continuation = page.Continuation;
        }
        while (continuation is not null && seen < MaxJobsCounted);

        return (counts, continuation is not null);
    }

    /// <summary>Nearest-rank percentiles.</summary>
    internal static LatenessView Lateness(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatenessView(0, null, null, null);
        }

        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatenessView(sorted.Length, At(0.50), At(0.95), At(0.99), sorted.Count(ms => ms < 0));
    }
}
