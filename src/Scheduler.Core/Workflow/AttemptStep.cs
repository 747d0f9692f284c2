using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Workflow;

/// <summary>One attempt (an activity in Azure): holds a slot, marks the run Running, executes the target with its timeout,
/// records the attempt with the run in one write, and gives the slot back. Idempotent per attempt number.</summary>
public sealed class AttemptStep(IRunStore runs, IConfigStore config, SlotAllocator slots, AttemptRunner runner, RunEvents events, TimeProvider time, RunOptions options, SweepOptions sweep)
{
    public async Task<AttemptOutcome> ExecuteAsync(AttemptRequest request, CancellationToken cancellationToken) =>
        (await ExecuteAsync(request, null, cancellationToken).ConfigureAwait(false)).Outcome;

    /// <summary>The step, starting from the run as the caller last saw it (saves a read; its ETag guards every write,
    /// so a stale copy only costs a deferral and a fresh read). Returns the run as stored afterwards when known.</summary>
    public Task<AttemptStepResult> ExecuteAsync(AttemptRequest request, Run? known, CancellationToken cancellationToken) =>
        ExecuteAsync(request, known, null, cancellationToken);

    /// <summary>As above; <paramref name="beforeSlotRelease"/> sees the outcome once the attempt is recorded and before its slot
    /// is given back, while the slot still anchors the run's recovery (a run without a queue message makes its resume durable there).</summary>
    public async Task<AttemptStepResult> ExecuteAsync(AttemptRequest request, Run? known, Func<AttemptOutcome, CancellationToken, Task>? beforeSlotRelease, CancellationToken cancellationToken)
    {
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

        if (run.InFlightAttempt == request.Attempt && run.InFlightSinceUtc is { } since)
        {
            var presumedAliveUntil = since + run.Definition.Timeout + options.InFlightGrace;
            if (presumedAliveUntil > now)
            {
                return new AttemptStepResult(AttemptOutcome.Deferred(presumedAliveUntil - now), null);
            }
        }

        var hold = run.Slot ?? await TakeSlotAsync(run, now, cancellationToken).ConfigureAwait(false);
        if (hold is null)
        {
            return new AttemptStepResult(AttemptOutcome.Deferred(options.SlotWait), run);
        }

        var running = run with
        {
            Status = RunStatus.Running,
            InFlightAttempt = request.Attempt,
            InFlightSinceUtc = now,
            StartedUtc = run.StartedUtc ?? now,
            LatenessMs = run.LatenessMs ?? (now - run.DueUtc).TotalMilliseconds,
            Slot = hold,
        };
        var marked = await runs.ReplaceAsync(running, cancellationToken).ConfigureAwait(false);
        if (!marked.Done)
        {
            if (run.Slot is null)
            {
                await slots.ReleaseAsync(hold, run.RunId, cancellationToken).ConfigureAwait(false);
            }

            return new AttemptStepResult(AttemptOutcome.Deferred(TimeSpan.Zero), null);
        }

        if (run.LatenessMs is null)
        {
            // Signed: were a start ever early, the histogram, the counters and the run row would show it below zero.
            events.FirstAttemptStarted(running);
        }

        events.StatusChanged(running, RunStatus.Running, request.Attempt);
        var (outcome, stored) = await runner.RunAsync(running with { ETag = marked.ETag }, request.Attempt, cancellationToken).ConfigureAwait(false);
        if (beforeSlotRelease is not null)
        {
            await beforeSlotRelease(outcome, cancellationToken).ConfigureAwait(false);
        }

        await slots.ReleaseAsync(hold, run.RunId, cancellationToken).ConfigureAwait(false);
        return new AttemptStepResult(outcome, stored);
    }

    private async Task<SlotHold?> TakeSlotAsync(Run run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = await config.GetAsync(cancellationToken).ConfigureAwait(false);
        if (settings.PauseAll)
        {
            return null;
        }

        var lease = now + run.Definition.Timeout + sweep.LeaseGrace;
        var slot = await slots.AcquireAsync(run.Lane, settings.BudgetOf(run.Lane), run.RunId, lease, cancellationToken).ConfigureAwait(false);
        return slot is null ? null : new SlotHold(slot.Lane, slot.Number, slot.ETag);
    }

    private async Task<AttemptOutcome> RecordedAsync(AttemptRequest request, Run run, CancellationToken cancellationToken)
    {
        var attempts = await runs.ListAttemptsAsync(request.JobId, request.RunId, cancellationToken).ConfigureAwait(false);
        var recorded = attempts.FirstOrDefault(a => a.Number == request.Attempt)
            ?? throw new InvalidOperationException($"Run {request.RunId} counts {request.Attempt} attempts but attempt {request.Attempt} is not recorded.");
        return AttemptOutcome.From(recorded.Result, recorded.Number, run.Definition.Retry, run.RunId);
    }
}
