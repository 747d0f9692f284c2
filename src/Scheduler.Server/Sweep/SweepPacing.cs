using Scheduler.Core.Dispatch;

namespace Scheduler.Server.Sweep;

/// <summary>How long the Server's sweep loop waits after a sweep: not at all while a full read dispatched (more rows may wait
/// behind it); else until the next row read enters the dispatch window, at most a tick, and at least a third of a window. A steady
/// stream of runs (one every 10 ms at 100 a second) would otherwise wake a sweep per run, each paying its reads and a due read
/// of up to a read limit of rows for one run; spaced so, each sweep dispatches the runs of a third of a window, and each is still
/// dispatched more than a sweep's duration before its time (see <see cref="DispatchWindow"/>).</summary>
internal static class SweepPacing
{
    public static TimeSpan WaitAfter(SweepReport report, TimeSpan window, TimeSpan tick, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Truncated && report.Count(RowOutcome.Dispatched) > 0)
        {
            // A full read that dispatched nothing (all throttled or not yet due) waits, or the loop would spin.
            return TimeSpan.Zero;
        }

        if (report.NextDueUtc is not { } next)
        {
            return tick;
        }

        var least = window / 3;
        var wait = next - window - now;
        return wait < least ? least : wait < tick ? wait : tick;
    }
}
