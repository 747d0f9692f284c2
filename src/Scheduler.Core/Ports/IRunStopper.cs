namespace Scheduler.Core.Ports;

/// <summary>Stops what a host runs for a run outside the attempt's own cancel watch: the Functions host terminates the run's
/// orchestration (instance id = run id), which may be waiting on a durable timer that no flag reaches. The Server has
/// nothing to stop: its attempts see the cancel flag themselves and its waits read the run again.</summary>
public interface IRunStopper
{
    /// <summary>Stops the run's execution; a run with nothing running (not started yet, or ended) is no failure.</summary>
    Task StopAsync(string runId, string reason, CancellationToken cancellationToken);
}
