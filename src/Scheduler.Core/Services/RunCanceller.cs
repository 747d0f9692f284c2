using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Workflow;

namespace Scheduler.Core.Services;

/// <summary>Cancels a run: a run waiting (queued or between retries) ends at once (<see cref="RunSettler"/>); for a running attempt
/// it sets the run's cancel flag, which the attempt's <see cref="CancelWatch"/> sees within a poll interval, wherever it runs.</summary>
public sealed class RunCanceller(IRunStore runs, RunSettler settler)
{
    public async Task<ServiceResult<Run>> CancelAsync(string jobId, string runId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var run = await runs.GetAsync(jobId, runId, cancellationToken).ConfigureAwait(false);
            if (run is null)
            {
                return ServiceResult<Run>.NotFound($"Run '{runId}' of job '{jobId}' does not exist.");
            }

            if (run.Status.IsTerminal())
            {
                return ServiceResult<Run>.Conflict($"Run '{runId}' already finished as {run.Status}.");
            }

            if (run.Status is RunStatus.Queued or RunStatus.Retrying)
            {
                if (await settler.TryCancelAsync(run, cancellationToken).ConfigureAwait(false) is { } canceled)
                {
                    return ServiceResult<Run>.Ok(canceled);
                }

                continue;
            }

            var flagged = run with { CancelRequested = true };
            var written = await runs.ReplaceAsync(flagged, cancellationToken).ConfigureAwait(false);
            if (written.Outcome != WriteOutcome.Stale)
            {
                return ServiceResult<Run>.Ok(flagged with { ETag = written.ETag });
            }
        }
    }
}
