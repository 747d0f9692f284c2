using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Renci.SshNet;
using Renci.SshNet.Common;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Targets;

namespace Scheduler.Targets.Ssh;

/// <summary>
/// Runs a target's commands in order over one SSH session, trusting only the pinned host key. Stops at the first failed
/// command unless <see cref="SshTargetSpec.ContinueOnError"/>; any failed command fails the attempt (retryable, like a command target).
/// </summary>
public sealed class SshTargetExecutor(
    IConnectionStore connections,
    ISecretResolver secrets,
    IOptions<SshTargetOptions> options,
    TimeProvider time) : ITargetExecutor
{
    public string Kind => TargetKinds.Ssh;

    public async Task<AttemptResult> ExecuteAsync(AttemptInvocation invocation, CancellationToken cancellationToken)
    {
        var spec = invocation.Definition.Target as SshTargetSpec
            ?? throw new ArgumentException($"Job {invocation.JobId}: the SSH executor got a '{invocation.Definition.Target.Kind}' target.", nameof(invocation));
        using var deadline = new AttemptDeadline(invocation.Definition.Timeout, time, cancellationToken);
        try
        {
            var (endpoint, error) = await SshEndpoint.ResolveAsync(spec, connections, options.Value, deadline.Token).ConfigureAwait(false);
            if (endpoint is null)
            {
                return AttemptResult.Failure(error!, retryable: false);
            }

            var secret = await secrets.ResolveAsync(endpoint.SecretRef, deadline.Token).ConfigureAwait(false);
            if (string.IsNullOrEmpty(secret))
            {
                return AttemptResult.Failure($"secret reference '{endpoint.SecretRef}' names no secret", retryable: false);
            }

            using var credentials = SshCredentials.Create(endpoint.User, secret, out var keyError);
            if (credentials is null)
            {
                return AttemptResult.Failure($"secret '{endpoint.SecretRef}': {keyError}", retryable: false);
            }

            return await RunAsync(spec, endpoint, credentials, invocation, deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.TimedOut)
        {
            return AttemptResult.TimedOutAfter(deadline.Limit);
        }
    }

    private async Task<AttemptResult> RunAsync(SshTargetSpec spec, SshEndpoint endpoint, SshCredentials credentials, AttemptInvocation invocation, AttemptDeadline deadline)
    {
        var info = new ConnectionInfo(endpoint.Host, endpoint.Port, endpoint.User, credentials.Method) { Timeout = endpoint.ConnectTimeout };
        using var client = new SshClient(info);
        var pin = new HostKeyPin(endpoint.HostKeyFingerprint);
        client.HostKeyReceived += pin.OnHostKeyReceived;
        if (await ConnectAsync(client, endpoint, pin, credentials, deadline).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var log = new List<string> { $"connected to {endpoint} ({(credentials.IsKey ? "key" : "password")} auth, host key {pin.Presented})" };
        var results = new List<CommandResult>();
        AttemptResult? failure = null;
        var commands = spec.Commands ?? [];
        for (var i = 0; i < commands.Count; i++)
        {
            var run = await SshCommandRunner.RunAsync(client, commands[i], endpoint.CommandTimeout, time, deadline.Token).ConfigureAwait(false);
            results.Add(run.Result);
            if (run.Cancelled && !deadline.TimedOut)
            {
                deadline.Token.ThrowIfCancellationRequested();
            }

            if (!run.Succeeded)
            {
                var what = run.Cancelled ? $"was cut off when the attempt timed out after {deadline.Limit.TotalSeconds:0.###} s"
                    : run.Result.Error ?? $"failed with exit status {run.Result.ExitCode}";
                failure ??= AttemptResult.Failure($"command {i + 1} of {commands.Count} {what}: {commands[i]}", retryable: true) with
                {
                    Status = run.TimedOut || run.Cancelled ? AttemptStatus.TimedOut : AttemptStatus.Failed,
                    ExitCode = run.Result.ExitCode,
                };
                if (!spec.ContinueOnError || run.SessionBroken || run.Cancelled)
                {
                    break;
                }
            }
        }

        return (failure ?? new AttemptResult { Status = AttemptStatus.Succeeded, ExitCode = results.LastOrDefault()?.ExitCode }) with { Commands = results, Log = log };
    }

    /// <summary>Connects and authenticates; null on success, else the failed attempt.</summary>
    private async Task<AttemptResult?> ConnectAsync(SshClient client, SshEndpoint endpoint, HostKeyPin pin, SshCredentials credentials, AttemptDeadline deadline)
    {
        using var connect = new AttemptDeadline(endpoint.ConnectTimeout, time, deadline.Token);
        try
        {
            await client.ConnectAsync(connect.Token).ConfigureAwait(false);
            return null;
        }
        catch (Exception) when (pin.Rejected)
        {
            return AttemptResult.Failure(pin.Describe(endpoint), retryable: false);
        }
        catch (SshAuthenticationException ex)
        {
            return AttemptResult.Failure($"authentication of {endpoint} by {(credentials.IsKey ? "private key" : "password")} failed: {ex.Message}", retryable: false);
        }
        catch (Exception ex) when (ex is SshOperationTimeoutException || (ex is OperationCanceledException && connect.TimedOut && !deadline.Token.IsCancellationRequested))
        {
            return AttemptResult.Failure($"could not connect to {endpoint.Host}:{endpoint.Port} within {endpoint.ConnectTimeout.TotalSeconds:0.###} s", retryable: true);
        }
        catch (Exception ex) when (ex is SocketException or SshConnectionException or ProxyException or IOException)
        {
            return AttemptResult.Failure($"could not connect to {endpoint.Host}:{endpoint.Port}: {ex.Message}", retryable: true);
        }
    }
}
