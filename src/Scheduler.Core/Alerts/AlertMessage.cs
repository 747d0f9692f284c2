namespace Scheduler.Core.Alerts;

/// <summary>The JSON body of an alert webhook: which alert, why, the job, the run with each attempt's error (bounded), and a link
/// to the run on the dashboard.</summary>
public sealed record AlertMessage
{
    /// <summary>Also sent as the <c>Scheduler-Alert-Id</c> header: the same on every delivery of this alert.</summary>
    public required string Id { get; init; }
    public required AlertOn On { get; init; }
    public required int Rule { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset AtUtc { get; init; }
    public required string JobId { get; init; }
    public string? JobName { get; init; }
    public AlertRun? Run { get; init; }
    public string? Link { get; init; }
}
