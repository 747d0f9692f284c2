namespace Scheduler.Core.Schedules;

/// <summary>How a daylight-saving change shaped one cron occurrence, as Cronos computes it (and so as the sweep runs it).</summary>
public enum DstAdjustment
{
    /// <summary>The local time(s) the expression names do not exist that day (spring forward): they run once, at the instant the clocks jump to.</summary>
    SkippedForward,

    /// <summary>The local time comes twice that day (fall back) and the expression runs at one of the two only.</summary>
    AmbiguousOnce,

    /// <summary>The local time comes twice and the expression (an interval in its second, minute or hour field) runs at both: this is the first.</summary>
    AmbiguousFirstOfTwo,

    /// <summary>The local time comes twice and the expression runs at both: this is the second.</summary>
    AmbiguousSecondOfTwo,
}
