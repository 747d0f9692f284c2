using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Scheduler.Core.Alerts;
using Scheduler.Core.FollowUps;
using Scheduler.Core.Ports;
using Scheduler.Core.Serialization;

namespace Scheduler.Targets.Http;

/// <summary>Delivers job alerts: POSTs the <see cref="AlertMessage"/> as JSON through the SSRF-guarded client of HTTP targets
/// (<see cref="FollowUpPost"/>), signed as their webhooks are (<see cref="WebhookSignature"/>), with <c>Scheduler-Alert-Id</c>,
/// the same on every try and from every carrier, for the receiver to drop repeats by.</summary>
public sealed class AlertWebhookSender(IHttpClientFactory clients, IOptions<HttpTargetOptions> options, TimeProvider time) : IAlertSender
{
    public const string IdHeader = "Scheduler-Alert-Id";

    public Task<FollowUpResult> SendAsync(AlertMessage message, string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = SchedulerJson.Serialize(message);
        return FollowUpPost.SendAsync(clients, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Add(IdHeader, message.Id);
            WebhookSignature.Sign(request, options.Value.SigningSecret, time, body);
            return request;
        }, url, time, cancellationToken);
    }
}
