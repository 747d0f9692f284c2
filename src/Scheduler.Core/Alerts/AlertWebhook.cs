namespace Scheduler.Core.Alerts;

/// <summary>Where an alert is POSTed: signed like HTTP targets' webhooks, with a <c>Scheduler-Alert-Id</c> to drop repeats by.</summary>
public sealed record AlertWebhook
{
    public required string Url { get; init; }
}
