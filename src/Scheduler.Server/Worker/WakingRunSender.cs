using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Storage.Queues;

namespace Scheduler.Server.Worker;

/// <summary>The Server's <see cref="IRunSender"/>: sends through the queue, then tells <see cref="RunQueueWake"/> when the message
/// becomes visible, so that this process's own worker receives it then instead of at its next idle poll.</summary>
public sealed class WakingRunSender(QueueRunSender queue, RunQueueWake wake, TimeProvider time) : IRunSender
{
    public async Task SendAsync(RunMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken)
    {
        await queue.SendAsync(message, visibilityDelay, cancellationToken).ConfigureAwait(false);
        // Timed from the send's return: the service started the delay when it took the message, a little before.
        wake.WakeAt(time.GetUtcNow() + QueueRunSender.VisibleAfter(visibilityDelay));
    }
}
