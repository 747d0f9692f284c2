using Scheduler.InProcess;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Tests.Support;

/// <summary>An <see cref="IRunLauncher"/> that declines (every run through the queue) until <see cref="InProcess"/> is set; then it
/// accepts and keeps the launched runs for the test to run.</summary>
public sealed class SwitchableLauncher : IRunLauncher
{
    private readonly List<Run> launched = [];

    public bool InProcess { get; set; }

    public bool LaunchesInProcess => InProcess;

    public IReadOnlyList<Run> Launched
    {
        get
        {
            lock (launched)
            {
                return [.. launched];
            }
        }
    }

    public IRunLaunch? TryReserve() => InProcess ? new RunLaunch(Keep, () => { }) : null;

    private void Keep(Run run)
    {
        lock (launched)
        {
            launched.Add(run);
        }
    }
}
