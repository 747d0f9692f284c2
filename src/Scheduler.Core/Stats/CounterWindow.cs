namespace Scheduler.Core.Stats;

/// <summary>A window of the run counters cut into equal steps aligned on UTC; its last step holds "now" (and is still filling).</summary>
public sealed record CounterWindow(DateTimeOffset FromUtc, TimeSpan Step, int Steps)
{
    public DateTimeOffset ToUtc => FromUtc + (Step * Steps);

    /// <summary>The last 60 minutes, by minute.</summary>
    public static CounterWindow LastHour(DateTimeOffset nowUtc) => Ending(nowUtc, TimeSpan.FromMinutes(1), 60);

    /// <summary>The last 24 hours, by 15 minutes.</summary>
    public static CounterWindow LastDay(DateTimeOffset nowUtc) => Ending(nowUtc, TimeSpan.FromMinutes(15), 96);

    private static CounterWindow Ending(DateTimeOffset nowUtc, TimeSpan step, int steps)
    {
        var ticks = nowUtc.UtcTicks;
        var last = new DateTimeOffset(ticks - (ticks % step.Ticks), TimeSpan.Zero);
        return new CounterWindow(last - (step * (steps - 1)), step, steps);
    }

    /// <summary>One sum per step, every step included (empty ones count zero), oldest first; minutes outside the window are ignored.</summary>
    public IReadOnlyList<RunCounts> Sum(IEnumerable<RunCounts> minutes)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        var points = Enumerable.Range(0, Steps).Select(i => new RunCounts { Minute = FromUtc + (Step * i) }).ToArray();
        foreach (var minute in minutes)
        {
            var index = (int)Math.Floor((minute.Minute - FromUtc) / Step);
            if (index >= 0 && index < Steps)
            {
                points[index] = points[index].Plus(minute);
            }
        }

        return points;
    }
}
