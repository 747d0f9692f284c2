using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Workflow;

/// <summary>Runs the workflow of a run launched in process (see <see cref="IRunLauncher"/>) until it ends or hands itself to the queue.</summary>
public sealed class LaunchedRunProcessor(RunFinalizer finalizer, AttemptStep attempts, AttemptSlots slots, IRunSender sender, TimeProvider time)
{
    /// <summary>The outcome, or null when the run went on through the queue (a retry, a wait, or <paramref name="cancellationToken"/>).</summary>
    public async Task<RunOutcome?> RunAsync(Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var activity = SchedulerTelemetry.Source.StartActivity("run");
        activity?.SetTag("scheduler.job_id", run.JobId);
        activity?.SetTag("scheduler.run_id", run.RunId);
        var context = new LaunchedRunContext(run, finalizer, attempts, sender, time, cancellationToken);
        try
        {
            var outcome = await RunWorkflow.RunAsync(context, new RunStart(run.JobId, run.RunId)).ConfigureAwait(false);
            activity?.SetTag("scheduler.status", outcome?.Status.ToString());
            return outcome;
        }
        catch (RunSuspendedException)
        {
            return null;
        }
        catch (RunNotFoundException)
        {
            return new RunOutcome(RunStatus.Canceled, 0);
        }
    }

    /// <summary>Gives a run that could not finish here (host stopping, storage failing) back to the queue at once; its slot, if this
    /// process still renews it, goes with it (the long lease of a queued run), so the worker that takes the message may use it.</summary>
    public async Task HandBackAsync(Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await slots.HandToQueueAsync(run, cancellationToken).ConfigureAwait(false);
        await sender.SendAsync(new RunMessage(run.JobId, run.RunId), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
    }
}
