namespace Scheduler.Core.Ports;

/// <summary>Asks the host to sweep now (a job became due within the lookahead), so a new job starts on time whatever the tick.</summary>
public interface ISweepSignal
{
    void Kick();
}
