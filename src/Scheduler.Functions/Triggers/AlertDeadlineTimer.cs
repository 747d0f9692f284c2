using Microsoft.Azure.Functions.Worker;
using Scheduler.Core.Alerts;

namespace Scheduler.Functions.Triggers;

/// <summary>Job alerts' NoSuccessWithin deadlines on the timer, every minute at second 30 (UTC): one query of the deadline index
/// when nothing came due (<see cref="NoSuccessCheck"/>). The Functions host holds a timer on one instance at a time.</summary>
public sealed class AlertDeadlineTimer(NoSuccessCheck check)
{
    public const string Schedule = "30 * * * * *";

    [Function(nameof(AlertDeadlineTimer))]
    public Task Run([TimerTrigger(Schedule, UseMonitor = false, RunOnStartup = false)] TimerInfo timer, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return check.RunAsync(context.CancellationToken);
    }
}
