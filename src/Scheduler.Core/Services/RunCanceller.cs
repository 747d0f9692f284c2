using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Services;

/// <summary>Cancels a run: a run waiting (queued or between retries) ends at once; for a running attempt it sets the run's cancel
/// flag, which the attempt's <see cref="Workflow.CancelWatch"/> sees within a poll interval, wherever it runs.</summary>
public sealed class RunCanceller(IRunStore runs, SlotAllocator slots, RunEvents events, TimeProvider time)
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

            var waiting = run.Status is RunStatus.Queued or RunStatus.Retrying;
            var canceled = waiting
                ? run with { CancelRequested = true, Status = RunStatus.Canceled, FinishedUtc = time.GetUtcNow(), Slot = null, LastError = "Canceled on request." }
                : run with { CancelRequested = true };
            var written = await runs.ReplaceAsync(canceled, cancellationToken).ConfigureAwait(false);
            if (written.Outcome == WriteOutcome.Stale)
            {
                continue;
            }

            if (waiting)
            {
                if (run.Slot is { } held)
                {
                    await slots.ReleaseAsync(held, runId, cancellationToken).ConfigureAwait(false);
                }

                events.StatusChanged(canceled, RunStatus.Canceled, run.AttemptCount);
            }

            return ServiceResult<Run>.Ok(canceled with { ETag = written.ETag });
        }
    }
}
