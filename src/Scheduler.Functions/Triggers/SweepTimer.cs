using Microsoft.Azure.Functions.Worker;

namespace Scheduler.Functions.Triggers;

/// <summary>The sweep on the timer. The schedule comes from the app setting <c>Scheduler__Sweep__Schedule</c> (UTC, 6-field NCRONTAB).</summary>
public sealed class SweepTimer(FunctionsSweeps sweeps)
{
    // UseMonitor off: sub-minute schedules need no schedule monitor, and a missed tick is repaired by the next one.
    [Function(nameof(SweepTimer))]
    public Task Run([TimerTrigger("%Scheduler:Sweep:Schedule%", UseMonitor = false, RunOnStartup = false)] TimerInfo timer, FunctionContext context) =>
        sweeps.SweepAsync(context.CancellationToken);
}
