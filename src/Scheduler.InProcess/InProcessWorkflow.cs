using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;
using Scheduler.Core.Workflow;

namespace Scheduler.InProcess;

/// <summary>Runs <see cref="RunWorkflow"/> in this process, the Server's way (the Functions host runs it as a Durable
/// orchestration): over the context that fits where the run came from. A wait too long to hold here suspends the run, which
/// goes on through the runs queue.</summary>
public sealed class InProcessWorkflow(AttemptStep attempts, RunSlots slots, IRunStore runs, IRunSender sender, TimeProvider time, RunOptions options)
{
    /// <summary>A run from a queue message: read once, its recorded attempts replayed (<see cref="QueuedRunContext"/>). Ended
    /// (delete the message) or suspended (hide it until the run resumes); the Server's contexts never continue as new.</summary>
    public Task<RunProgress> RunQueuedAsync(RunMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return RunAsync(new QueuedRunContext(attempts, runs, time, options, cancellationToken), message.JobId, message.RunId);
    }

    /// <summary>A run the sweep launched here (see <see cref="IRunLauncher"/>), from the row it inserted
    /// (<see cref="LaunchedRunContext"/>). Suspended means the run went on through the queue (a retry, a wait).</summary>
    public Task<RunProgress> RunLaunchedAsync(Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return RunAsync(new LaunchedRunContext(run, attempts, sender, time, cancellationToken), run.JobId, run.RunId);
    }

    /// <summary>Gives a launched run that could not finish here (host stopping, storage failing) back to the queue at once; its
    /// slot, if this process still renews it, goes with it (the long lease of a queued run), so the worker that takes the message may use it.</summary>
    public async Task HandBackAsync(Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await slots.HandToQueueAsync(run, cancellationToken).ConfigureAwait(false);
        await sender.SendAsync(new RunMessage(run.JobId, run.RunId), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<RunProgress> RunAsync(IRunContext context, string jobId, string runId)
    {
        using var activity = SchedulerTelemetry.Source.StartActivity(SchedulerTelemetry.RunSpan);
        activity?.SetTag("scheduler.job_id", jobId);
        activity?.SetTag("scheduler.run_id", runId);
        try
        {
            var progress = await RunWorkflow.RunAsync(context, new RunStart(jobId, runId)).ConfigureAwait(false);
            activity?.SetTag("scheduler.status", progress.Outcome?.Status.ToString());
            return progress;
        }
        catch (RunNotFoundException)
        {
            // The job and its runs were deleted while the run was on its way.
            return RunProgress.Ended(new RunOutcome(RunStatus.Canceled, 0));
        }
    }
}
