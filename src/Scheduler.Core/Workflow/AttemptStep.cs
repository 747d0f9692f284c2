using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Workflow;

/// <summary>One attempt (an activity in Azure): holds a slot, marks the run Running, executes the target with its timeout,
/// records the attempt with the run in one write, and gives the slot back. Idempotent per attempt number.</summary>
public sealed class AttemptStep(IRunStore runs, IConfigStore config, SlotAllocator slots, AttemptRunner runner, RunEvents events, TimeProvider time, RunOptions options, SweepOptions sweep)
{
    public async Task<AttemptOutcome> ExecuteAsync(AttemptRequest request, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(request.JobId, request.RunId, cancellationToken).ConfigureAwait(false)
            ?? throw new RunNotFoundException(request.RunId);
        if (run.Status.IsTerminal())
        {
            return AttemptOutcome.Finished(run.Status);
        }

        if (run.CancelRequested)
        {
            return AttemptOutcome.Canceled();
        }

        if (run.AttemptCount >= request.Attempt)
        {
            return await RecordedAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        if (run.InFlightAttempt == request.Attempt && run.InFlightSinceUtc is { } since)
        {
            var presumedAliveUntil = since + run.Definition.Timeout + options.InFlightGrace;
            if (presumedAliveUntil > now)
            {
                return AttemptOutcome.Deferred(presumedAliveUntil - now);
            }
        }

        var hold = run.Slot ?? await TakeSlotAsync(run, now, cancellationToken).ConfigureAwait(false);
        if (hold is null)
        {
            return AttemptOutcome.Deferred(options.SlotWait);
        }

        var running = run with
        {
            Status = RunStatus.Running,
            InFlightAttempt = request.Attempt,
            InFlightSinceUtc = now,
            StartedUtc = run.StartedUtc ?? now,
            LatenessMs = run.LatenessMs ?? Math.Max(0, (now - run.DueUtc).TotalMilliseconds),
            Slot = hold,
        };
        var marked = await runs.ReplaceAsync(running, cancellationToken).ConfigureAwait(false);
        if (!marked.Done)
        {
            if (run.Slot is null)
            {
                await slots.ReleaseAsync(hold, run.RunId, cancellationToken).ConfigureAwait(false);
            }

            return AttemptOutcome.Deferred(TimeSpan.Zero);
        }

        if (run.LatenessMs is null)
        {
            SchedulerTelemetry.DispatchLateness.Record(running.LatenessMs!.Value);
        }

        events.StatusChanged(running, RunStatus.Running, request.Attempt);
        var record = await runner.RunAsync(running with { ETag = marked.ETag }, request.Attempt, cancellationToken).ConfigureAwait(false);
        await slots.ReleaseAsync(hold, run.RunId, cancellationToken).ConfigureAwait(false);
        return AttemptOutcome.From(record.Result);
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

    private async Task<AttemptOutcome> RecordedAsync(AttemptRequest request, CancellationToken cancellationToken)
    {
        var attempts = await runs.ListAttemptsAsync(request.JobId, request.RunId, cancellationToken).ConfigureAwait(false);
        var recorded = attempts.FirstOrDefault(a => a.Number == request.Attempt)
            ?? throw new InvalidOperationException($"Run {request.RunId} counts {request.Attempt} attempts but attempt {request.Attempt} is not recorded.");
        return AttemptOutcome.From(recorded.Result);
    }
}
