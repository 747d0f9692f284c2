using Scheduler.Core.Ports;

namespace Scheduler.Hosting;

/// <summary>The default: every run goes through the runs queue (the Functions host, where a run is a Durable orchestration).</summary>
public sealed class QueueOnlyRunLauncher : IRunLauncher
{
    public IRunLaunch? TryReserve() => null;
}
