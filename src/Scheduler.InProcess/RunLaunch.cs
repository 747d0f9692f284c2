using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.InProcess;

/// <summary>Room reserved for one run in process (see <see cref="IRunLauncher.TryReserve"/>): started once with the run as
/// stored, or disposed unused, which gives the room back.</summary>
public sealed class RunLaunch(Action<Run> start, Action giveBack) : IRunLaunch
{
    private int used;

    /// <summary>Starts <paramref name="run"/> (as stored, ETag set) in process.</summary>
    public void Start(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (Interlocked.Exchange(ref used, 1) != 0)
        {
            throw new InvalidOperationException("A reserved launch starts one run.");
        }

        start(run);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref used, 1) == 0)
        {
            giveBack();
        }
    }
}
