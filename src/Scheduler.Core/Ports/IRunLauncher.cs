using Scheduler.Core.Runs;

namespace Scheduler.Core.Ports;

/// <summary>Lets a host run a run it has just dispatched in its own process, instead of through the runs queue.</summary>
/// <remarks>The dispatcher calls it after the run row (holding its slot) is stored. When it returns false, the dispatcher
/// sends the queue message as usual. A launched run has no queue message: the slot's lease, renewed while the run runs
/// (<c>RunOptions.SlotLease</c>), is its crash-recovery path (slot repair re-enqueues a run that still holds an expired slot).</remarks>
public interface IRunLauncher
{
    /// <summary>Starts <paramref name="run"/> (as just stored, ETag set) in process; false when the host has no room or does not run in process.</summary>
    bool TryLaunch(Run run);

    /// <summary>Whether it runs runs in process at all (then the dispatcher leases their slots for the process, which renews them).</summary>
    bool LaunchesInProcess => false;
}
