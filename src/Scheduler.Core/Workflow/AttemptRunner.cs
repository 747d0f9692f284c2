using Microsoft.Extensions.Logging;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Workflow;

/// <summary>Executes the target for a run marked Running and records the attempt together with the run's new state. A cancel
/// requested meanwhile (seen by <see cref="CancelWatch"/>) interrupts the target through its token: the HTTP request is
/// aborted, the command's process tree killed, the SSH command ended; the attempt is recorded Canceled and so is the run.</summary>
public sealed class AttemptRunner(IRunStore runs, ITargetExecutorRegistry targets, RunEvents events, TimeProvider time, RunOptions options, ILogger<AttemptRunner> logger)
{
    private static readonly TimeSpan ExecutorGrace = TimeSpan.FromSeconds(5);

    /// <summary>Runs the attempt and records it; returns what follows it and the run as stored afterwards (null if it could not be known).</summary>
    public async Task<(AttemptOutcome Outcome, Run? Stored)> RunAsync(Run running, int attempt, CancellationToken cancellationToken)
    {
        using var activity = SchedulerTelemetry.Source.StartActivity("attempt");
        activity?.SetTag("scheduler.run_id", running.RunId);
        activity?.SetTag("scheduler.attempt", attempt);
        var started = time.GetUtcNow();
        var result = await ExecuteAsync(running, attempt, cancellationToken).ConfigureAwait(false);
        var record = new AttemptRecord { JobId = running.JobId, RunId = running.RunId, Number = attempt, StartedUtc = started, FinishedUtc = time.GetUtcNow(), Result = result };
        SchedulerTelemetry.AttemptDuration.Record(record.Duration.TotalMilliseconds, new KeyValuePair<string, object?>("status", result.Status.ToString()));
        if (result.Status is not AttemptStatus.Succeeded and not AttemptStatus.Canceled)
        {
            Log.AttemptFailed(logger, running.RunId, attempt, result.Error);
        }

        // The attempt's write also settles the run when nothing follows it, so no further step writes it.
        var outcome = AttemptOutcome.From(result, attempt, running.Definition.Retry, running.RunId);
        var next = outcome.RunStatusAfter;
        var (stored, settled) = await SaveAsync(running, record, next, cancellationToken).ConfigureAwait(false);
        if (settled)
        {
            events.StatusChanged(stored ?? running, next, attempt);
        }

        return (outcome, stored);
    }

    private async Task<AttemptResult> ExecuteAsync(Run running, int attempt, CancellationToken cancellationToken)
    {
        // A job accepted where the kind was enabled can reach a host (or a restart) where it is not.
        if (targets.Find(running.Definition.Target.Kind) is not { } executor)
        {
            return AttemptResult.Failure(targets.NotEnabledReason(running.Definition.Target.Kind), retryable: false);
        }

        // Executors enforce the timeout themselves and report it with detail; this backstop only catches one that does not.
        using var backstop = new CancellationTokenSource(running.Definition.Timeout + ExecutorGrace, time);
        await using var cancel = CancelWatch.Start(runs, running.JobId, running.RunId, options.CancelPollInterval, time, logger);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, backstop.Token, cancel.Token);
        var started = time.GetTimestamp();
        try
        {
            return await executor.ExecuteAsync(new AttemptInvocation(running.JobId, running.RunId, attempt, running.Definition, running.DueUtc), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancel.Requested && !cancellationToken.IsCancellationRequested)
        {
            Log.AttemptInterrupted(logger, running.RunId, attempt);
            return AttemptResult.CanceledAfter(time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptResult { Status = AttemptStatus.TimedOut, Retryable = true, Error = $"The attempt timed out after {running.Definition.Timeout}." };
        }
#pragma warning disable CA1031 // An executor bug must fail the attempt, not lose the run.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return AttemptResult.Failure($"{ex.GetType().Name}: {ex.Message}", retryable: true);
        }
    }

    /// <summary>Records the attempt with the run's next status; returns the stored run (when its ETag is known) and whether
    /// the status was set (false when the run had already ended, canceled while its attempt ran).</summary>
    private async Task<(Run? Stored, bool Settled)> SaveAsync(Run running, AttemptRecord record, RunStatus next, CancellationToken cancellationToken)
    {
        var run = running;
        while (true)
        {
            var settled = !run.Status.IsTerminal();
            var after = run with
            {
                // A run canceled (and finalized) while its attempt ran keeps its terminal status; the attempt is still recorded.
                Status = settled ? next : run.Status,
                FinishedUtc = settled && next.IsTerminal() ? record.FinishedUtc : run.FinishedUtc,
                AttemptCount = record.Number,
                InFlightAttempt = null,
                InFlightSinceUtc = null,
                LastError = record.Result.Error,
                ResultExcerpt = record.Result.ResponseExcerpt ?? run.ResultExcerpt,
                Slot = null,
            };
            var written = await runs.RecordAttemptAsync(after, record, cancellationToken).ConfigureAwait(false);
            if (written.Outcome != WriteOutcome.Stale)
            {
                // Without the new ETag the next step must read the run: writing with no ETag would be unconditional.
                return (written.Done && written.ETag is not null ? after with { ETag = written.ETag } : null, written.Done && settled);
            }

            // Someone (a cancel request) changed the run meanwhile: keep their change, add ours.
            run = await runs.GetAsync(running.JobId, running.RunId, cancellationToken).ConfigureAwait(false)
                ?? throw new RunNotFoundException(running.RunId);
        }
    }
}
