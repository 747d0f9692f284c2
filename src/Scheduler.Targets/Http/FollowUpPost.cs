using Scheduler.Core.FollowUps;

namespace Scheduler.Targets.Http;

/// <summary>Sends a request made after a run (a notification, an alert) through the SSRF-guarded client of HTTP targets and
/// judges its answer, the one place for both: a 2xx within <see cref="Timeout"/> is done; any other answer, a connection error
/// or no answer in time is a failed try, with the reason.</summary>
internal static class FollowUpPost
{
    /// <summary>How long one delivery may take: the run's slot is held meanwhile.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task<FollowUpResult> SendAsync(IHttpClientFactory clients, Func<HttpRequestMessage> build, string url, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadline = new AttemptDeadline(Timeout, time, cancellationToken);
        try
        {
            using var request = build();
            using var response = await clients.CreateClient(HttpTargetExecutor.ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? FollowUpResult.Ok : FollowUpResult.Failed($"HTTP {(int)response.StatusCode} from {url}");
        }
        catch (OperationCanceledException) when (deadline.TimedOut)
        {
            return FollowUpResult.Failed($"No answer from {url} within {Timeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return FollowUpResult.Failed($"{url}: {ex.Message}");
        }
    }
}
