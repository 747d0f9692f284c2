using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Workflow;

/// <summary>Ends a run that no attempt settled: canceled before or between attempts (an activity in Azure). An attempt
/// that succeeds or fails for good settles its run in its own write.</summary>
public sealed class RunFinalizer(IRunStore runs, SlotAllocator slots, RunEvents events, TimeProvider time)
{
    /// <summary>Writes the terminal status once; finalizing a finished run returns how it finished.</summary>
    public Task<RunOutcome> FinalizeAsync(FinalizeRequest request, CancellationToken cancellationToken) =>
        FinalizeAsync(request, null, cancellationToken);

    /// <summary>As <see cref="FinalizeAsync(FinalizeRequest, CancellationToken)"/>, starting from the run as the caller last saw it.</summary>
    public async Task<RunOutcome> FinalizeAsync(FinalizeRequest request, Run? known, CancellationToken cancellationToken)
    {
        while (true)
        {
            var run = known ?? await runs.GetAsync(request.JobId, request.RunId, cancellationToken).ConfigureAwait(false)
                ?? throw new RunNotFoundException(request.RunId);
            known = null;
            if (run.Status.IsTerminal())
            {
                return new RunOutcome(run.Status, run.AttemptCount);
            }

            var finished = run with
            {
                Status = request.Status,
                FinishedUtc = time.GetUtcNow(),
                LastError = request.Error ?? run.LastError,
                InFlightAttempt = null,
                Slot = null,
            };
            var written = await runs.ReplaceAsync(finished, cancellationToken).ConfigureAwait(false);
            if (written.Outcome == WriteOutcome.Stale)
            {
                continue;
            }

            if (run.Slot is { } held)
            {
                await slots.ReleaseAsync(held, run.RunId, cancellationToken).ConfigureAwait(false);
            }

            events.StatusChanged(finished, request.Status, request.Attempts);
            return new RunOutcome(request.Status, request.Attempts);
        }
    }
}
