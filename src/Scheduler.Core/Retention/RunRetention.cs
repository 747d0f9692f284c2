using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Retention;

/// <summary>Removes ended runs with their attempts: those that finished before a cut-off (<see cref="ExpireAsync"/>) and those
/// beyond a job's newest N ended ones (<see cref="TrimAsync"/>). Never a run that has not ended, a run whose follow-ups are still
/// to be carried out, nor the run its job's <see cref="Jobs.Job.LastRunId"/> names (overlap policies and the job list read it). Two hosts doing this at once is harmless:
/// a run the other one removed first is skipped.</summary>
public sealed class RunRetention(IRunStore runs, IJobStore jobs)
{
    /// <summary>Runs read per request, and so deleted per job per round: a table transaction's worth.</summary>
    public const int PageSize = 100;

    internal async Task<Removal> ExpireAsync(DateTimeOffset finishedBeforeUtc, int budget, CancellationToken cancellationToken)
    {
        var removed = 0;
        string? continuation = null;
        do
        {
            var page = await runs.ListEndedBeforeAsync(finishedBeforeUtc, Math.Min(PageSize, budget - removed), continuation, cancellationToken).ConfigureAwait(false);
            foreach (var ofJob in page.Items.GroupBy(r => r.JobId, StringComparer.Ordinal))
            {
                var job = await jobs.GetAsync(ofJob.Key, cancellationToken).ConfigureAwait(false);
                removed += await DeleteAsync(ofJob.Key, ofJob, job?.LastRunId, cancellationToken).ConfigureAwait(false);
            }

            continuation = page.Continuation;
        }
        while (continuation is not null && removed < budget);

        return new Removal(removed, continuation is not null);
    }

    internal async Task<Removal> TrimAsync(int keep, int budget, CancellationToken cancellationToken)
    {
        var removed = 0;
        string? continuation = null;
        do
        {
            var page = await jobs.ListAsync(new JobQuery { Limit = PageSize, Continuation = continuation }, cancellationToken).ConfigureAwait(false);
            foreach (var job in page.Items)
            {
                if (removed >= budget)
                {
                    return new Removal(removed, true);
                }

                var surplus = (await runs.ListKeysByJobAsync(job.Id, cancellationToken).ConfigureAwait(false))
                    .Where(r => r.Status.IsTerminal()).Skip(keep).Take(budget - removed);
                removed += await DeleteAsync(job.Id, surplus, job.LastRunId, cancellationToken).ConfigureAwait(false);
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);

        return new Removal(removed, false);
    }

    /// <summary>Removes every ended run of a job that is gone (nothing protects its last run any more); answers how many.</summary>
    public async Task<int> RemoveEndedAsync(string jobId, CancellationToken cancellationToken)
    {
        var keys = await runs.ListKeysByJobAsync(jobId, cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var page in keys.Chunk(PageSize))
        {
            removed += await DeleteAsync(jobId, page, null, cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }

    private async Task<int> DeleteAsync(string jobId, IEnumerable<RunKey> candidates, string? lastRunId, CancellationToken cancellationToken)
    {
        var ids = candidates.Where(r => r.Status.IsTerminal() && !r.FollowUpsPending && r.RunId != lastRunId).Select(r => r.RunId).ToList();
        return ids.Count == 0 ? 0 : await runs.DeleteAsync(jobId, ids, cancellationToken).ConfigureAwait(false);
    }
}
