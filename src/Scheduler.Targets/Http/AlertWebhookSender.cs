using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Scheduler.Core.Alerts;
using Scheduler.Core.FollowUps;
using Scheduler.Core.Ports;
using Scheduler.Core.Serialization;

namespace Scheduler.Targets.Http;

/// <summary>Delivers job alerts: POSTs the <see cref="AlertMessage"/> as JSON through the SSRF-guarded client of HTTP targets,
/// signed as their webhooks are (<see cref="WebhookSignature"/>), with <c>Scheduler-Alert-Id</c>, the same on every try and from
/// every carrier, for the receiver to drop repeats by. A 2xx answer within <see cref="RunNotifier.Timeout"/> is delivered.</summary>
public sealed class AlertWebhookSender(IHttpClientFactory clients, IOptions<HttpTargetOptions> options, TimeProvider time) : IAlertSender
{
    public const string IdHeader = "Scheduler-Alert-Id";

    public async Task<FollowUpResult> SendAsync(AlertMessage message, string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var deadline = new AttemptDeadline(RunNotifier.Timeout, time, cancellationToken);
        try
        {
            var body = SchedulerJson.Serialize(message);
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Add(IdHeader, message.Id);
            WebhookSignature.Sign(request, options.Value.SigningSecret, time, body);
            using var response = await clients.CreateClient(HttpTargetExecutor.ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? FollowUpResult.Ok : FollowUpResult.Failed($"HTTP {(int)response.StatusCode} from {url}");
        }
        catch (OperationCanceledException) when (deadline.TimedOut)
        {
            return FollowUpResult.Failed($"No answer from {url} within {RunNotifier.Timeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return FollowUpResult.Failed($"{url}: {ex.Message}");
        }
    }
}
