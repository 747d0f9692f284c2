namespace Scheduler.Core.Ports;

/// <summary>Asks the host to sweep now (a job became due within the lookahead), so a new job starts on time whatever the tick.</summary>
public interface ISweepSignal
{
    void Kick();

    /// <summary>An occurrence due at <paramref name="dueUtc"/> was indexed. A host whose sweep wakes at the next due row only
    /// needs waking when this one is sooner than that; by default, a plain kick.</summary>
    void KickFor(DateTimeOffset dueUtc) => Kick();

    /// <summary>A run gave its slot back: a host sweeps now when due rows wait for a slot. By default nothing (the next tick).</summary>
    void SlotFreed()
    {
    }
}
