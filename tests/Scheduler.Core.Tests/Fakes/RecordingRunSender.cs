using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>The runs queue as a list: every message sent, with its visibility delay, in order.</summary>
public sealed class RecordingRunSender : IRunSender
{
    private readonly List<SentMessage> sent = [];
    private readonly Lock gate = new();

    public IReadOnlyList<SentMessage> Sent
    {
        get
        {
            lock (gate)
            {
                return sent.ToList();
            }
        }
    }

    public Task SendAsync(RunMessage message, TimeSpan visibilityDelay, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            sent.Add(new SentMessage(message, visibilityDelay));
        }

        return Task.CompletedTask;
    }
}
