using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Api.Endpoints;

/// <summary>The last run of each listed job, read by the job's <see cref="Job.LastRunId"/>: one point read of five columns per
/// job that has run, in parallel, whatever the length of its history.</summary>
internal static class LastRuns
{
    private const int Parallelism = 16;

    public static async Task<IReadOnlyDictionary<string, RunSummary>> ReadAsync(IRunStore runs, IReadOnlyList<Job> jobs, CancellationToken cancellationToken)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, RunSummary>(StringComparer.Ordinal);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(jobs.Where(j => j.LastRunId is not null), options, async (job, ct) =>
        {
            if (await runs.GetSummaryAsync(job.Id, job.LastRunId!, ct).ConfigureAwait(false) is { } summary)
            {
                found[job.Id] = summary;
            }
        }).ConfigureAwait(false);
        return found;
    }
}
