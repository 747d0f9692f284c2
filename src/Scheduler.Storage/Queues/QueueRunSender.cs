using Azure.Storage.Queues;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Serialization;

namespace Scheduler.Storage.Queues;

/// <summary>Sends run messages that become visible when the run is due: the queue is the durable timer.</summary>
public sealed class QueueRunSender(StorageClients clients) : IRunSender
{
    private readonly QueueClient _queue = clients.RunsQueue;

    /// <summary>How long after a send (or a visibility update) with <paramref name="visibilityDelay"/> the message becomes
    /// visible: the delay as the service takes it, clamped and in whole seconds.</summary>
    public static TimeSpan VisibleAfter(TimeSpan visibilityDelay) => QueueCalls.Clamp(visibilityDelay);

    /// <summary>The delay is clamped to [0, 7 days) and rounded down to whole seconds; the message never expires.</summary>
    public async Task SendAsync(RunMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _queue.SendMessageAsync(
            SchedulerJson.Serialize(message),
            QueueCalls.Clamp(visibilityDelay),
            QueueCalls.NeverExpires,
            cancellationToken).ConfigureAwait(false);
    }
}
