using Scheduler.Core.Runs;

namespace Scheduler.Core.Ports;

/// <summary>Lets a host run a run it has just dispatched in its own process, instead of through the runs queue.</summary>
/// <remarks>The dispatcher reserves room before it stores the run row (holding its slot), so that a run due already can be
/// stored as started, and starts it once stored. Without room, the dispatcher sends the queue message as usual. A launched run
/// has no queue message: the slot's lease, renewed while the run runs (<c>RunOptions.SlotLease</c>), is its crash-recovery
/// path (slot repair re-enqueues a run that still holds an expired slot).</remarks>
public interface IRunLauncher
{
    /// <summary>Room for one run in process; null when the host has none or does not run in process.</summary>
    IRunLaunch? TryReserve();

    /// <summary>Whether it runs runs in process at all (then the dispatcher leases their slots for the process, which renews them).</summary>
    bool LaunchesInProcess => false;
}

/// <summary>Room reserved for one run in process (<see cref="IRunLauncher.TryReserve"/>): started once with the run as
/// stored, or disposed unused, which gives the room back.</summary>
public interface IRunLaunch : IDisposable
{
    /// <summary>Starts <paramref name="run"/> (as stored, ETag set) in process.</summary>
    void Start(Run run);
}
