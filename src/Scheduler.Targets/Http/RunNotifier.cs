using System.Net.Http.Json;
using Scheduler.Core.FollowUps;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Serialization;

namespace Scheduler.Targets.Http;

/// <summary>Carries out run-end notifications: POSTs <see cref="RunNotification"/> to the rule's URL through the SSRF-guarded client
/// of HTTP targets, with <c>Scheduler-Notification-Id: {runId}/{n}</c>, the same on every try and from every carrier, for the
/// receiver to drop repeats by. A 2xx answer within <see cref="Timeout"/> is done; anything else is a failed try.</summary>
public sealed class RunNotifier(IHttpClientFactory clients, TimeProvider time) : IFollowUpHandler
{
    public const string IdHeader = "Scheduler-Notification-Id";

    /// <summary>How long one delivery may take: the run's slot is held meanwhile.</summary>
    public static readonly TimeSpan Timeout = FollowUpPost.Timeout;

    public string Kind => FollowUpKinds.Notify;

    public Task<FollowUpResult> CarryOutAsync(FollowUp followUp, Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        ArgumentNullException.ThrowIfNull(run);
        return FollowUpPost.SendAsync(clients, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, followUp.Target)
            {
                Content = JsonContent.Create(RunNotification.Of(run), options: SchedulerJson.Options),
            };
            request.Headers.Add(IdHeader, followUp.Id);
            return request;
        }, followUp.Target, time, cancellationToken);
    }
}
