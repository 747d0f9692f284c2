using Microsoft.Extensions.Logging;
using Scheduler.Core.Dispatch;
using Scheduler.Core.FollowUps;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Workflow;

/// <summary>One attempt (an activity in Azure): decides whether attempt n runs now and on which slot, marks the run Running,
/// calls the target (<see cref="TargetCall"/>), has the attempt recorded with the run's next status in one write
/// (<see cref="RunSettler"/>), and gives the slot back. Idempotent per attempt number.</summary>
public sealed class AttemptStep(
    IRunStore runs, RunSlots slots, TargetCall target, RunSettler settler, FollowUpRunner followUps, RunEvents events, TimeProvider time, RunOptions options, ILogger<AttemptStep> logger)
{
    /// <summary>The step as an activity runs it: from storage, after waiting in this process for the request's
    /// <see cref="AttemptRequest.NotBeforeUtc"/> (the last part of the workflow's wait, held here against this host's clock).</summary>
    public async Task<AttemptOutcome> ExecuteAsync(AttemptRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.NotBeforeUtc is { } notBefore)
        {
            await time.UntilAsync(notBefore, cancellationToken).ConfigureAwait(false);
        }

        return (await ExecuteAsync(request, null, SlotTenure.Queued, cancellationToken).ConfigureAwait(false)).Outcome;
    }

    /// <summary>The step, starting from the run as the caller last saw it (saves a read; its ETag guards every write, so a stale
    /// copy only costs a deferral and a fresh read), its slot held the way <paramref name="tenure"/> says. Returns the run as stored
    /// afterwards when known. Its caller has waited already: <see cref="AttemptRequest.NotBeforeUtc"/> is not read here.</summary>
    public async Task<AttemptStepResult> ExecuteAsync(AttemptRequest request, Run? known, SlotTenure tenure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tenure);
        var run = known ?? await runs.GetAsync(request.JobId, request.RunId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            // The job and its runs were deleted while the run was on its way.
            return new AttemptStepResult(AttemptOutcome.Ended(RunStatus.Canceled, 0), null);
        }

        if (await AnswerWithoutAttemptAsync(request, run, cancellationToken).ConfigureAwait(false) is { } answer)
        {
            return answer;
        }

        // With leases, holding the slot decides: an attempt in flight whose slot this step could take over lost its process.
        var claim = await slots.ClaimAsync(run, tenure, cancellationToken).ConfigureAwait(false);
        if (claim.Slot is not { } held)
        {
            return new AttemptStepResult(AttemptOutcome.Deferred(claim.Wait), claim.Elsewhere ? null : run);
        }

        if (await MarkRunningAsync(run, request.Attempt, held, tenure.OwnsSlot, cancellationToken).ConfigureAwait(false) is not { } running)
        {
            if (claim.Taken)
            {
                await slots.ReleaseAsync(held, cancellationToken).ConfigureAwait(false);
            }

            return new AttemptStepResult(AttemptOutcome.Deferred(TimeSpan.Zero), null);
        }

        var (result, release) = await AttemptHoldingSlotAsync(running, request.Attempt, held, cancellationToken).ConfigureAwait(false);
        await tenure.BeforeReleaseAsync(result.Outcome, cancellationToken).ConfigureAwait(false);
        await slots.ReleaseAsync(release, result.Run, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>The answer when attempt n is not to run now: the run has ended (or ends here, canceled), the attempt is
    /// recorded already, the run is not due, or a worker that may be alive has the attempt in flight. Null: run it.</summary>
    private async Task<AttemptStepResult?> AnswerWithoutAttemptAsync(AttemptRequest request, Run run, CancellationToken cancellationToken)
    {
        if (run.Status.IsTerminal())
        {
            // Whoever sees an ended run's follow-ups first carries them out (a canceled run's message may be the only one to).
            var ended = await followUps.CarryOutAsync(run, cancellationToken).ConfigureAwait(false);
            return new AttemptStepResult(AttemptOutcome.Ended(ended.Status, ended.AttemptCount), ended);
        }

        if (run.CancelRequested)
        {
            var ended = await settler.CancelAsync(run.JobId, run.RunId, run, cancellationToken).ConfigureAwait(false);
            return new AttemptStepResult(AttemptOutcome.Ended(ended?.Status ?? RunStatus.Canceled, ended?.AttemptCount ?? 0), ended);
        }

        if (run.AttemptCount >= request.Attempt)
        {
            return new AttemptStepResult(await RecordedAsync(request, run, cancellationToken).ConfigureAwait(false), run);
        }

        var now = time.GetUtcNow();
        if (now < run.DueUtc)
        {
            // The one guard against an early start, whatever woke the run (a queue message's whole-second visibility
            // delay, a Durable timer that fired early, a clock ahead of the sweep's).
            return new AttemptStepResult(AttemptOutcome.NotDue(run.DueUtc), run);
        }

        if (!slots.Leasing && run.InFlightAttempt == request.Attempt && run.InFlightSinceUtc is { } since)
        {
            // No renewed lease tells a dead worker from a slow one: presume it alive for the attempt's timeout and a grace.
            var presumedAliveUntil = since + run.Definition.Timeout + options.InFlightGrace;
            if (presumedAliveUntil > now)
            {
                return new AttemptStepResult(AttemptOutcome.Deferred(presumedAliveUntil - now), null);
            }
        }

        return null;
    }

    /// <summary>Stores the run as running this attempt on <paramref name="held"/> (null: the run changed meanwhile). A run the sweep
    /// stored as started for this attempt, on the slot the caller owns, is running already: no write.</summary>
    private async Task<Run?> MarkRunningAsync(Run run, int attempt, Slot held, bool ownsSlot, CancellationToken cancellationToken)
    {
        if (ownsSlot && run.Status == RunStatus.Running && run.InFlightAttempt == attempt)
        {
            return run;
        }

        var running = run.Starting(attempt, new SlotHold(held.Lane, held.Number, held.ETag), time.GetUtcNow());
        var marked = await runs.ReplaceAsync(running, cancellationToken).ConfigureAwait(false);
        if (!marked.Done)
        {
            return null;
        }

        if (run.LatenessMs is null)
        {
            // Signed: were a start ever early, the histogram, the counters and the run row would show it below zero.
            events.FirstAttemptStarted(running);
        }

        events.StatusChanged(running, RunStatus.Running, attempt);
        return running with { ETag = marked.ETag };
    }

    /// <summary>Calls the target and records the attempt on the held slot, renewing its lease for a run in process; returns the
    /// slot as last written, to release it. A process that finds its slot taken over stops the attempt and writes nothing.</summary>
    private async Task<(AttemptStepResult Result, Slot Release)> AttemptHoldingSlotAsync(Run running, int attempt, Slot held, CancellationToken cancellationToken)
    {
        if (held.Renewed)
        {
            return await SlotRenewal.HoldWhileAsync(slots, held, options, time, logger, token => CallAndRecordAsync(running, attempt, token), cancellationToken).ConfigureAwait(false);
        }

        // Leased by the run's queue message (renewed by the worker), or not at all (leasing off).
        return (await CallAndRecordAsync(running, attempt, cancellationToken).ConfigureAwait(false), held);
    }

    private async Task<AttemptStepResult> CallAndRecordAsync(Run running, int attempt, CancellationToken cancellationToken)
    {
        var record = await target.CallAsync(running, attempt, cancellationToken).ConfigureAwait(false);
        var (outcome, stored) = await settler.RecordAttemptAsync(running, record, cancellationToken).ConfigureAwait(false);
        return new AttemptStepResult(outcome, stored);
    }

    private async Task<AttemptOutcome> RecordedAsync(AttemptRequest request, Run run, CancellationToken cancellationToken)
    {
        var attempts = await runs.ListAttemptsAsync(request.JobId, request.RunId, cancellationToken).ConfigureAwait(false);
        var recorded = attempts.FirstOrDefault(a => a.Number == request.Attempt)
            ?? throw new InvalidOperationException($"Run {request.RunId} counts {request.Attempt} attempts but attempt {request.Attempt} is not recorded.");
        return AttemptOutcome.From(recorded.Result, recorded.Number, run.Definition.Retry, run.RunId);
    }
}
