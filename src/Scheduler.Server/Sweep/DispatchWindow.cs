using Scheduler.Core.Dispatch;

namespace Scheduler.Server.Sweep;

/// <summary>How long before its due time the Server dispatches a run: <see cref="SweepOptions.DispatchAhead"/>, widened to four times
/// the recent duration of dispatching sweeps (up to the lookahead) while storage or the machine is slow, so that a run still
/// starts on time although sweeps are spaced a third of the window apart (<see cref="SweepPacing"/>): the first row beyond one
/// sweep's window is dispatched by the next at least 2/3 window − 1/4 window ≈ 1.7 sweep durations ahead. A wider window only
/// means its slot is taken a little earlier.</summary>
internal sealed class DispatchWindow(SweepOptions options)
{
    private const double Weight = 0.3;
    private const double SweepsPerWindow = 4;
    // Until dispatching sweeps have been measured, assume a slow one (a fresh process compiles the dispatch path on first use).
    private double averageMs = 500;

    public TimeSpan Current
    {
        get
        {
            var wanted = TimeSpan.FromMilliseconds(SweepsPerWindow * Volatile.Read(ref averageMs));
            var floor = options.DispatchWindow;
            return wanted < floor ? floor : wanted > options.Lookahead ? options.Lookahead : wanted;
        }
    }

    public void Observe(TimeSpan sweepDuration)
    {
        var previous = Volatile.Read(ref averageMs);
        Volatile.Write(ref averageMs, previous + (Weight * (sweepDuration.TotalMilliseconds - previous)));
    }
}
