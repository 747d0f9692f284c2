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
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public string Kind => FollowUpKinds.Notify;

    public async Task<FollowUpResult> CarryOutAsync(FollowUp followUp, Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        ArgumentNullException.ThrowIfNull(run);
        using var deadline = new AttemptDeadline(Timeout, time, cancellationToken);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, followUp.Target)
            {
                Content = JsonContent.Create(RunNotification.Of(run), options: SchedulerJson.Options),
            };
            request.Headers.Add(IdHeader, followUp.Id);
            using var response = await clients.CreateClient(HttpTargetExecutor.ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? FollowUpResult.Ok
                : FollowUpResult.Failed($"HTTP {(int)response.StatusCode} from {followUp.Target}");
        }
        catch (OperationCanceledException) when (deadline.TimedOut)
        {
            return FollowUpResult.Failed($"No answer from {followUp.Target} within {Timeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return FollowUpResult.Failed($"{followUp.Target}: {ex.Message}");
        }
    }
}
