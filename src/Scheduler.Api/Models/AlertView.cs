using Scheduler.Core.Alerts;

namespace Scheduler.Api.Models;

/// <summary>One alert of a job, sent or suppressed by its rule's cooldown: its id (the <c>Scheduler-Alert-Id</c> of its webhook),
/// its rule (1-based place in the job's rules, or in the configured defaults), the run it is about, and its delivery
/// (<c>suppressed</c>, <c>pending</c>, <c>delivered</c> or <c>gave-up</c>).</summary>
public sealed record AlertView(
    string Id,
    int Rule,
    AlertOn On,
    string? RunId,
    DateTimeOffset AtUtc,
    string Reason,
    string Url,
    string Delivery,
    int Tries,
    DateTimeOffset? DeliveredUtc,
    string? LastError)
{
    public static AlertView From(AlertRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Id, record.Rule, record.On, record.RunId, record.AtUtc, record.Reason, record.Url, record.Delivery, record.Tries,
            record.DeliveredUtc, record.LastError);
    }
}
