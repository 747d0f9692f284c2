using System.Net;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Targets;
using Scheduler.Targets.Identity;

namespace Scheduler.Targets.Http;

/// <summary>Calls a webhook through the SSRF-guarded client; target failures come back as results, never as exceptions, and
/// are logged once, by the attempt that records them (Core's AttemptFailed). Secret headers, secret query parameters and the
/// <c>auth</c> token are resolved at each attempt, put on the request only, and masked in its excerpt.</summary>
public sealed class HttpTargetExecutor(
    IHttpClientFactory clients,
    ISecretResolver secrets,
    AccessTokenCache tokens,
    IOptions<HttpTargetOptions> options,
    TimeProvider time) : ITargetExecutor
{
    /// <summary>The named client whose primary handler is <see cref="GuardedConnector.CreateHandler"/>.</summary>
    public const string ClientName = "Scheduler.Targets.Http";

    public string Kind => TargetKinds.Http;

    public async Task<AttemptResult> ExecuteAsync(AttemptInvocation invocation, CancellationToken cancellationToken)
    {
        var spec = invocation.Definition.Target as HttpTargetSpec
            ?? throw new ArgumentException($"Job {invocation.JobId}: the HTTP executor got a '{invocation.Definition.Target.Kind}' target.", nameof(invocation));
        var requestExcerpt = RequestExcerpt.For(spec);
        using var deadline = new AttemptDeadline(invocation.Definition.Timeout, time, cancellationToken);
        try
        {
            var (resolved, missing) = await HttpSecrets.ResolveAsync(spec, secrets, deadline.Token).ConfigureAwait(false);
            if (resolved is null)
            {
                return Failed(missing!, retryable: false, requestExcerpt);
            }

            var bearer = spec.Auth is { } auth ? await tokens.GetAsync(auth.Audience, deadline.Token).ConfigureAwait(false) : null;
            using var request = HttpRequestBuilder.Build(spec, invocation, resolved, bearer, options.Value.SigningSecret, time);
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            string? body;
            await using (stream.ConfigureAwait(false))
            {
                body = await Excerpts.ReadHeadAsync(stream, deadline.Token).ConfigureAwait(false);
            }

            return HttpOutcome.From(spec, response, body, time) with { RequestExcerpt = requestExcerpt };
        }
        catch (OperationCanceledException) when (deadline.TimedOut)
        {
            return AttemptResult.TimedOutAfter(deadline.Limit) with { RequestExcerpt = requestExcerpt };
        }
        catch (CredentialUnavailableException ex)
        {
            return Failed($"no managed identity to sign in with for auth: {ex.Message}", retryable: false, requestExcerpt);
        }
        catch (AuthenticationFailedException ex)
        {
            // The identity endpoint can fail transiently, as any service can.
            return Failed($"could not get a token for auth audience '{spec.Auth?.Audience}': {ex.Message}", retryable: true, requestExcerpt);
        }
        catch (HttpRequestException ex) when (AddressRefusedException.Find(ex) is { } refused)
        {
            return Failed(refused.Message, retryable: false, requestExcerpt);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return Failed(ConnectionError(ex), retryable: true, requestExcerpt);
        }
    }

    private static AttemptResult Failed(string error, bool retryable, string requestExcerpt) =>
        AttemptResult.Failure(error, retryable) with { RequestExcerpt = requestExcerpt };

    private static string ConnectionError(Exception ex)
    {
        var inner = ex.InnerException is { } cause && cause.Message != ex.Message ? $": {cause.Message}" : "";
        var kind = ex is HttpRequestException { HttpRequestError: var error and not HttpRequestError.Unknown } ? $"{error}: " : "";
        return $"{kind}{ex.Message}{inner}";
    }
}
