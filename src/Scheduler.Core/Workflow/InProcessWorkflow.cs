using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Workflow;

/// <summary>Runs <see cref="RunWorkflow"/> in this process, the Server's way (the Functions host runs it as a Durable
/// orchestration): over the context that fits where the run came from, and turning a wait too long to hold here into the
/// run going on through the queue.</summary>
public sealed class InProcessWorkflow(AttemptStep attempts, AttemptSlots slots, IRunStore runs, IRunSender sender, TimeProvider time, RunOptions options)
{
    /// <summary>A run from a queue message: read once, its recorded attempts replayed (<see cref="QueuedRunContext"/>).</summary>
    public async Task<QueuedRunResult> RunQueuedAsync(RunMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var context = new QueuedRunContext(attempts, runs, time, options, cancellationToken);
        try
        {
            // The Server's contexts never continue as new, so the workflow always ends with an outcome.
            var outcome = await RunAsync(context, message.JobId, message.RunId).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Run {message.RunId}: the workflow continued as new on the Server.");
            return new QueuedRunResult(outcome, null);
        }
        catch (RunSuspendedException suspended)
        {
            return new QueuedRunResult(null, suspended.ResumeAtUtc);
        }
    }

    /// <summary>A run the sweep launched here (see <see cref="IRunLauncher"/>), from the row it inserted
    /// (<see cref="LaunchedRunContext"/>). The outcome, or null when the run went on through the queue (a retry, a wait).</summary>
    public async Task<RunOutcome?> RunLaunchedAsync(Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var context = new LaunchedRunContext(run, attempts, sender, time, cancellationToken);
        try
        {
            return await RunAsync(context, run.JobId, run.RunId).ConfigureAwait(false);
        }
        catch (RunSuspendedException)
        {
            return null;
        }
    }

    /// <summary>Gives a launched run that could not finish here (host stopping, storage failing) back to the queue at once; its
    /// slot, if this process still renews it, goes with it (the long lease of a queued run), so the worker that takes the message may use it.</summary>
    public async Task HandBackAsync(Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await slots.HandToQueueAsync(run, cancellationToken).ConfigureAwait(false);
        await sender.SendAsync(new RunMessage(run.JobId, run.RunId), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<RunOutcome?> RunAsync(IRunContext context, string jobId, string runId)
    {
        using var activity = SchedulerTelemetry.Source.StartActivity(SchedulerTelemetry.RunSpan);
        activity?.SetTag("scheduler.job_id", jobId);
        activity?.SetTag("scheduler.run_id", runId);
        try
        {
            var outcome = await RunWorkflow.RunAsync(context, new RunStart(jobId, runId)).ConfigureAwait(false);
            activity?.SetTag("scheduler.status", outcome?.Status.ToString());
            return outcome;
        }
        catch (RunNotFoundException)
        {
            // The job and its runs were deleted while the run was on its way.
            return new RunOutcome(RunStatus.Canceled, 0);
        }
    }
}
