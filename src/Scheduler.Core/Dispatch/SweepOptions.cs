namespace Scheduler.Core.Dispatch;

/// <summary>Settings of the sweep (section <c>Scheduler:Sweep</c>), checked on start by the host's <c>SweepOptionsValidator</c>.</summary>
public sealed class SweepOptions
{
    /// <summary>Time between sweeps on the Server host (the Functions host uses its timer schedule).</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>How far ahead occurrences are dispatched with a visibility delay; at least the tick so nothing starts late.</summary>
    public TimeSpan Lookahead { get; set; } = TimeSpan.FromSeconds(7);
    /// <summary>How long before its due time a run takes its slot and starts (waiting in process or as a delayed message);
    /// null: the whole <see cref="Lookahead"/>, which a host whose sweep only runs on a timer needs. A host that wakes its sweep
    /// at the next due row (the Server) keeps it short, so runs waiting for their time do not hold the budget.</summary>
    public TimeSpan? DispatchAhead { get; set; }
    /// <summary>The effective <see cref="DispatchAhead"/>.</summary>
    public TimeSpan DispatchWindow => DispatchAhead ?? Lookahead;
    /// <summary>How long before its due time a run sent through the runs queue becomes visible (a run dispatched later than that
    /// is sent visible at once): the queue's and the run engine's polling then delay the start of the wait, not the start of the run, which
    /// waits the rest in process. The Functions host sets 3 s (a queue listener polls every second at most, Durable's
    /// queues every 2 s); the Server, whose sweep launches its runs in process, none.</summary>
    public TimeSpan? StartAhead { get; set; }
    /// <summary>The effective <see cref="StartAhead"/>.</summary>
    public TimeSpan QueuedStartAhead => StartAhead ?? TimeSpan.Zero;
    /// <summary>The cursor never passes the bucket of now minus this lag.</summary>
    public TimeSpan CursorLag { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Due rows read per sweep.</summary>
    public int MaxRowsPerSweep { get; set; } = 1000;
    /// <summary>Rows dispatched concurrently within one sweep.</summary>
    public int Parallelism { get; set; } = 16;
    /// <summary>Added to a run's timeout for the lease of its slot.</summary>
    public TimeSpan LeaseGrace { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>How long a due row written ahead of its job (a create or update in progress) is kept before it counts as stale.</summary>
    public TimeSpan PendingGrace { get; set; } = TimeSpan.FromMinutes(1);
}
