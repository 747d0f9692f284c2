using Scheduler.Core.Alerts;
using Scheduler.Core.FollowUps;

namespace Scheduler.Core.Ports;

/// <summary>Delivers one alert to its webhook, signed, with its id for the receiver to drop repeats by. Failures come back as results.</summary>
public interface IAlertSender
{
    Task<FollowUpResult> SendAsync(AlertMessage message, string url, CancellationToken cancellationToken);
}
