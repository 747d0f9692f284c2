using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Workflow;

/// <summary>Runs the workflow for one queue message on the Server host.</summary>
public sealed class RunProcessor(RunSteps steps, AttemptStep attempts, IRunStore runs, TimeProvider time, RunOptions options)
{
    public async Task<RunProcessResult> ProcessAsync(RunMessage message, CancellationToken cancellationToken)
    {
        using var activity = SchedulerTelemetry.Source.StartActivity("run");
        activity?.SetTag("scheduler.job_id", message.JobId);
        activity?.SetTag("scheduler.run_id", message.RunId);
        var context = new DirectRunContext(steps, attempts, runs, time, options, cancellationToken);
        try
        {
            var outcome = await RunWorkflow.RunAsync(context, new RunRef(message.JobId, message.RunId)).ConfigureAwait(false);
            activity?.SetTag("scheduler.status", outcome.Status.ToString());
            return new RunProcessResult(outcome, null);
        }
        catch (RunSuspendedException suspended)
        {
            return new RunProcessResult(null, suspended.ResumeAtUtc);
        }
        catch (RunNotFoundException)
        {
            // The job and its runs were deleted while the message was in flight.
            return new RunProcessResult(new RunOutcome(RunStatus.Canceled, 0), null);
        }
    }
}
