using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Scheduler.Core.Telemetry;

/// <summary>The <c>Scheduler</c> ActivitySource and Meter with their instruments (design section 9).</summary>
public static class SchedulerTelemetry
{
    public const string Name = "Scheduler";

    /// <summary>A sweep that had due rows to dispatch (an idle sweep opens no span: it would be one item per tick, saying nothing).</summary>
    public const string SweepSpan = "sweep";

    /// <summary>One run, from its first attempt to its outcome (the Server's in-process workflow).</summary>
    public const string RunSpan = "run";

    /// <summary>One call of a run's target.</summary>
    public const string AttemptSpan = "attempt";

    /// <summary>The names of Scheduler's spans, for a host's sampler (which is told a span's name, not its source).</summary>
    public static readonly IReadOnlySet<string> SpanNames = new HashSet<string>(StringComparer.Ordinal) { SweepSpan, RunSpan, AttemptSpan };

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Dispatched = Meter.CreateCounter<long>("scheduler.runs.dispatched", description: "Occurrences dispatched to the runs queue.");
    public static readonly Counter<long> Completed = Meter.CreateCounter<long>("scheduler.runs.completed", description: "Runs that reached a terminal status, by outcome.");
    public static readonly Histogram<double> AttemptDuration = Meter.CreateHistogram<double>("scheduler.attempt.duration", unit: "ms", description: "Duration of one attempt.");
    public static readonly Histogram<double> DispatchLateness = Meter.CreateHistogram<double>("scheduler.dispatch.lateness", unit: "ms", description: "Start of a run's first attempt minus its due time; negative when it started early.");
    public static readonly Histogram<long> SlotsInUse = Meter.CreateHistogram<long>("scheduler.slots.in_use", description: "Slots held in a lane, sampled every sweep.");
    public static readonly Counter<long> Throttled = Meter.CreateCounter<long>("scheduler.runs.throttled", description: "Due occurrences left for lack of slots, counted every sweep.");
    public static readonly Histogram<double> SweepDuration = Meter.CreateHistogram<double>("scheduler.sweep.duration", unit: "ms", description: "Duration of one sweep.");
    public static readonly Counter<long> SweepCompleted = Meter.CreateCounter<long>("scheduler.sweep.completed", description: "Sweeps completed (the heartbeat).");
    public static readonly Histogram<long> PoisonDepth = Meter.CreateHistogram<long>("scheduler.queue.poison_depth", description: "Approximate number of messages in the poison queue.");
}
