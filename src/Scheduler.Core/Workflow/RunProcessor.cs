using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Workflow;

/// <summary>Runs the workflow for one queue message on the Server host.</summary>
public sealed class RunProcessor(RunFinalizer finalizer, AttemptStep attempts, IRunStore runs, TimeProvider time, RunOptions options)
{
    public async Task<RunProcessResult> ProcessAsync(RunMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var activity = SchedulerTelemetry.Source.StartActivity("run");
        activity?.SetTag("scheduler.job_id", message.JobId);
        activity?.SetTag("scheduler.run_id", message.RunId);
        var context = new DirectRunContext(finalizer, attempts, runs, time, options, cancellationToken);
        try
        {
            // The Server's context never continues as new, so the workflow always ends with an outcome.
            var outcome = await RunWorkflow.RunAsync(context, new RunStart(message.JobId, message.RunId)).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Run {message.RunId}: the workflow continued as new on the Server.");
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
