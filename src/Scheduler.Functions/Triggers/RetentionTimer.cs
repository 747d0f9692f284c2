using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Scheduler.Core.Retention;
using Scheduler.Functions.Durable;

namespace Scheduler.Functions.Triggers;

/// <summary>Retention on the timer, hourly at minute 41 (UTC): Scheduler's own tables (<see cref="RetentionPass"/>), then
/// Durable's task hub (<see cref="DurableHistoryPurge"/>). The Functions host holds a timer on one instance at a time, and a
/// second pass would only repeat reads. A pass that stopped at its budget leaves the rest to the next hour.</summary>
public sealed class RetentionTimer(RetentionPass pass, DurableHistoryPurge purge)
{
    public const string Schedule = "0 41 * * * *";

    [Function(nameof(RetentionTimer))]
    public async Task Run(
        [TimerTrigger(Schedule, UseMonitor = false, RunOnStartup = false)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await pass.RunAsync(context.CancellationToken).ConfigureAwait(false);
        await purge.PurgeAsync(client, context.CancellationToken).ConfigureAwait(false);
    }
}
