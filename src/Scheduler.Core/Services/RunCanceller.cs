using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Workflow;

namespace Scheduler.Core.Services;

/// <summary>Cancels a run: a run waiting (queued or between retries) ends at once (<see cref="RunSettler"/>); for a running attempt
/// it sets the run's cancel flag, which the attempt's <see cref="CancelWatch"/> sees within a poll interval, wherever it runs.
/// Where the host runs more than the attempt (a Durable orchestration), its <see cref="IRunStopper"/> stops that too, and a
/// run whose execution was stopped mid-attempt is ended here, since nothing else will end it.</summary>
public sealed class RunCanceller(IRunStore runs, RunSettler settler)
{
    /// <summary>Cancels the run; with <paramref name="stopper"/>, also stops the host's execution of it.</summary>
    public async Task<ServiceResult<Run>> CancelAsync(string jobId, string runId, IRunStopper? stopper, CancellationToken cancellationToken)
    {
        var result = await RequestAsync(jobId, runId, cancellationToken).ConfigureAwait(false);
        if (stopper is null || result.Value is not { CancelRequested: true } requested)
        {
            return result;
        }

        await stopper.StopAsync(runId, RunSettler.CanceledOnRequest, cancellationToken).ConfigureAwait(false);
        if (requested.Status.IsTerminal())
        {
            return result;
        }

        var ended = await settler.CancelAsync(jobId, runId, null, cancellationToken).ConfigureAwait(false);
        return ended is null ? ServiceResult<Run>.NotFound($"Run '{runId}' of job '{jobId}' does not exist.") : ServiceResult<Run>.Ok(ended);
    }

    /// <summary>Cancels the run where its attempts watch the cancel flag themselves (the Server).</summary>
    public Task<ServiceResult<Run>> CancelAsync(string jobId, string runId, CancellationToken cancellationToken) =>
        CancelAsync(jobId, runId, null, cancellationToken);

    private async Task<ServiceResult<Run>> RequestAsync(string jobId, string runId, CancellationToken cancellationToken)
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
