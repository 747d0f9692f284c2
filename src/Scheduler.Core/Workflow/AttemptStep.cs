using Microsoft.Extensions.Logging;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Workflow;

/// <summary>One attempt (an activity in Azure): holds a slot, marks the run Running, executes the target with its timeout,
/// records the attempt with the run in one write, and gives the slot back. Idempotent per attempt number.</summary>
public sealed class AttemptStep(IRunStore runs, AttemptSlots slots, AttemptRunner runner, RunEvents events, TimeProvider time, RunOptions options, ILogger<AttemptStep> logger)
{
    public async Task<AttemptOutcome> ExecuteAsync(AttemptRequest request, CancellationToken cancellationToken) =>
        (await ExecuteAsync(request, null, cancellationToken).ConfigureAwait(false)).Outcome;

    /// <summary>The step, starting from the run as the caller last saw it (saves a read; its ETag guards every write,
    /// so a stale copy only costs a deferral and a fresh read). Returns the run as stored afterwards when known.</summary>
    public Task<AttemptStepResult> ExecuteAsync(AttemptRequest request, Run? known, CancellationToken cancellationToken) =>
        ExecuteAsync(request, known, null, null, cancellationToken);

    /// <summary>As above, for a run in process (no queue message): <paramref name="inProcess"/> says whether the caller holds
    /// <paramref name="known"/>'s slot already (launched by the sweep that took it) and sees the outcome once the attempt is recorded
    /// and before its slot is given back, while the slot still anchors the run's recovery (the run makes its resume durable there).</summary>
    public async Task<AttemptStepResult> ExecuteAsync(AttemptRequest request, Run? known, InProcessStep? inProcess, CancellationToken cancellationToken) =>
        await ExecuteAsync(request, known, inProcess, inProcess?.BeforeSlotRelease, cancellationToken).ConfigureAwait(false);

    private async Task<AttemptStepResult> ExecuteAsync(AttemptRequest request, Run? known, InProcessStep? inProcess, Func<AttemptOutcome, CancellationToken, Task>? beforeSlotRelease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = known ?? await runs.GetAsync(request.JobId, request.RunId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            // The job and its runs were deleted while the run was on its way.
            return new AttemptStepResult(AttemptOutcome.Finished(RunStatus.Canceled, 0), null);
        }

        if (run.Status.IsTerminal())
        {
            return new AttemptStepResult(AttemptOutcome.Finished(run.Status, run.AttemptCount), run);
        }

        if (run.CancelRequested)
        {
            return new AttemptStepResult(AttemptOutcome.Canceled(), run);
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

        // With leases, holding the slot decides: an attempt in flight whose slot this step could take over lost its process.
        var claim = await slots.ClaimAsync(run, inProcess is not null, inProcess?.OwnsSlot ?? false, cancellationToken).ConfigureAwait(false);
        if (claim.Slot is not { } held)
        {
            return new AttemptStepResult(AttemptOutcome.Deferred(claim.Wait), claim.Elsewhere ? null : run);
        }

        var running = await MarkRunningAsync(run, request.Attempt, held, inProcess?.OwnsSlot ?? false, cancellationToken).ConfigureAwait(false);
        if (running is null)
        {
            if (claim.Taken)
            {
                await slots.ReleaseAsync(held, cancellationToken).ConfigureAwait(false);
            }

            return new AttemptStepResult(AttemptOutcome.Deferred(TimeSpan.Zero), null);
        }

        var (outcome, stored, release) = await RunHoldingAsync(running, request.Attempt, held, cancellationToken).ConfigureAwait(false);
        if (beforeSlotRelease is not null)
        {
            await beforeSlotRelease(outcome, cancellationToken).ConfigureAwait(false);
        }

        await slots.ReleaseAsync(release, cancellationToken).ConfigureAwait(false);
        return new AttemptStepResult(outcome, stored);
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

    /// <summary>Runs the attempt while renewing the slot's lease (a run in process); returns the slot as last written, to release it.</summary>
    private async Task<(AttemptOutcome Outcome, Run? Stored, Slot Release)> RunHoldingAsync(Run running, int attempt, Slot held, CancellationToken cancellationToken)
    {
        if (!held.Renewed)
        {
            // Leased by the run's queue message (renewed by the worker), or not at all (leasing off).
            var (outcome, stored) = await runner.RunAsync(running, attempt, cancellationToken).ConfigureAwait(false);
            return (outcome, stored, held);
        }

        await using var renewal = SlotRenewal.Start(slots, held, options.SlotLease!.Value, options.SlotRenewInterval, time, logger);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, renewal.Lost);
        try
        {
            var (outcome, stored) = await runner.RunAsync(running, attempt, linked.Token).ConfigureAwait(false);
            return (outcome, stored, renewal.Current);
        }
        catch (OperationCanceledException) when (renewal.Lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new SlotLostException(running.RunId);
        }
    }

    private async Task<AttemptOutcome> RecordedAsync(AttemptRequest request, Run run, CancellationToken cancellationToken)
    {
        var attempts = await runs.ListAttemptsAsync(request.JobId, request.RunId, cancellationToken).ConfigureAwait(false);
        var recorded = attempts.FirstOrDefault(a => a.Number == request.Attempt)
            ?? throw new InvalidOperationException($"Run {request.RunId} counts {request.Attempt} attempts but attempt {request.Attempt} is not recorded.");
        return AttemptOutcome.From(recorded.Result, recorded.Number, run.Definition.Retry, run.RunId);
    }
}
