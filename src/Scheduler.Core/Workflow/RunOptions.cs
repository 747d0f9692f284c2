namespace Scheduler.Core.Workflow;

/// <summary>Settings of run execution (section <c>Scheduler:Runs</c>).</summary>
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

    public void Validate()
    {
        if (SlotWait <= TimeSpan.Zero || InFlightGrace < TimeSpan.Zero || InlineDelayMax < TimeSpan.Zero || CancelPollInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Scheduler:Runs needs SlotWait > 0, InFlightGrace >= 0, InlineDelayMax >= 0 and CancelPollInterval > 0.");
        }
    }
}
