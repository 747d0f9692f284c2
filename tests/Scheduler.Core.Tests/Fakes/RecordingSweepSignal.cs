using Scheduler.Core.Ports;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>Counts the requests for an early sweep.</summary>
public sealed class RecordingSweepSignal : ISweepSignal
{
    private int kicks;

    public int Kicks => Volatile.Read(ref kicks);

    public void Kick() => Interlocked.Increment(ref kicks);
}
