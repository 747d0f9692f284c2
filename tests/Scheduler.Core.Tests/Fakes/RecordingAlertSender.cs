using Scheduler.Core.Alerts;
using Scheduler.Core.FollowUps;
using Scheduler.Core.Ports;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>An alert sender that records every delivery (message and URL) and fails the number of deliveries a test asks for first.</summary>
public sealed class RecordingAlertSender : IAlertSender
{
    private readonly List<(AlertMessage Message, string Url)> sent = [];
    private readonly Lock gate = new();

    /// <summary>How many of the coming deliveries fail.</summary>
    public int FailNext { get; set; }

    public IReadOnlyList<(AlertMessage Message, string Url)> Sent
    {
        get
        {
            lock (gate)
            {
                return [.. sent];
            }
        }
    }

    public Task<FollowUpResult> SendAsync(AlertMessage message, string url, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            sent.Add((message, url));
            if (FailNext > 0)
            {
                FailNext--;
                return Task.FromResult(FollowUpResult.Failed("HTTP 503"));
            }

            return Task.FromResult(FollowUpResult.Ok);
        }
    }
}
