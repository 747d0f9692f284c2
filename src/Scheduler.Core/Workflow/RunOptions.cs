namespace Scheduler.Core.Workflow;

/// <summary>Settings of run execution (section <c>Scheduler:Runs</c>), checked on start by the host's <c>RunOptionsValidator</c>.</summary>
public sealed class RunOptions
{
    /// <summary>Wait before asking again for a slot when the lane's budget is used up.</summary>
    public TimeSpan SlotWait { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>How long past its timeout an attempt marked in flight by another worker is presumed alive.</summary>
    public TimeSpan InFlightGrace { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Server host: waits up to this long happen in process; longer ones hand the run back to the queue as a delayed message.</summary>
    public TimeSpan InlineDelayMax { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>While an attempt runs, how often its run's cancel flag is read (one point read of one column each time), so that
    /// a cancel sent to any instance interrupts the attempt within about this long.</summary>
    public TimeSpan CancelPollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>When set, a process that runs a run holds its slot with this lease and renews it every <see cref="SlotRenewInterval"/>,
    /// so a crashed process's runs and slots come back this long after its last renewal (the Server: 10 s). Unset, a slot keeps the
    /// long lease taken at dispatch (timeout + <c>Sweep:LeaseGrace</c>) and an attempt in flight is presumed alive for its timeout +
    /// <see cref="InFlightGrace"/> (the Functions host, where Durable re-runs a lost activity).</summary>
    public TimeSpan? SlotLease { get; set; }
    /// <summary>How often a process renews the <see cref="SlotLease"/> of a slot it holds (at most half of it).</summary>
    public TimeSpan SlotRenewInterval { get; set; } = TimeSpan.FromSeconds(3);
}
