using Microsoft.Extensions.Logging;
using Scheduler.Core.Placeholders;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Workflow;

/// <summary>Calls a run's target once and says how the call went (<see cref="AttemptResult"/>): the kind not enabled here,
/// the timeout, a cancel and an executor's exception all become a result, never an exception. A cancel requested meanwhile
/// (seen by <see cref="CancelWatch"/>) interrupts the target through its token: the HTTP request is aborted, the command's
/// process tree killed, the SSH command ended.</summary>
public sealed class TargetCall(IRunStore runs, ITargetExecutorRegistry targets, TimeProvider time, RunOptions options, ILogger<TargetCall> logger)
{
    private static readonly TimeSpan ExecutorGrace = TimeSpan.FromSeconds(5);

    /// <summary>Calls the target for attempt <paramref name="attempt"/> of a run marked Running; returns the attempt to record.</summary>
    public async Task<AttemptRecord> CallAsync(Run running, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(running);
        using var activity = SchedulerTelemetry.Source.StartActivity(SchedulerTelemetry.AttemptSpan);
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

        return record;
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
            var definition = running.Definition with { Target = TargetPlaceholders.Resolve(running.Definition.Target, PlaceholderValues.For(running, attempt)) };
            return await executor.ExecuteAsync(new AttemptInvocation(running.JobId, running.RunId, attempt, definition, running.DueUtc), timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancel.Requested && !cancellationToken.IsCancellationRequested)
        {
            Log.AttemptInterrupted(logger, running.RunId, attempt);
            return AttemptResult.CanceledAfter(time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return AttemptResult.TimedOutAfter(running.Definition.Timeout);
        }
#pragma warning disable CA1031 // An executor bug must fail the attempt, not lose the run.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return AttemptResult.Failure($"{ex.GetType().Name}: {ex.Message}", retryable: true);
        }
    }
}
