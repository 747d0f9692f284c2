using Scheduler.Core.Ports;
using Scheduler.Core.Targets;

namespace Scheduler.Targets.Ssh;

/// <summary>Where and as whom an SSH target connects: from its connection profile, or from its inline fields.</summary>
internal sealed record SshEndpoint(string Host, int Port, string User, string SecretRef, string HostKeyFingerprint, TimeSpan ConnectTimeout, TimeSpan CommandTimeout)
{
    public override string ToString() => $"{User}@{Host}:{Port}";

    /// <summary>The endpoint, or the reason there is none (a non-retryable failure).</summary>
    public static async Task<(SshEndpoint? Endpoint, string? Error)> ResolveAsync(
        SshTargetSpec spec, IConnectionStore connections, SshTargetOptions options, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(spec.Connection))
        {
            var profile = await connections.GetAsync(spec.Connection, cancellationToken).ConfigureAwait(false);
            return profile is null
                ? (null, $"connection profile '{spec.Connection}' does not exist")
                : (new SshEndpoint(profile.Host, profile.Port, profile.User, profile.SecretRef, profile.HostKeyFingerprint,
                    spec.ConnectTimeout ?? profile.ConnectTimeout, spec.CommandTimeout ?? profile.CommandTimeout), null);
        }

        if (spec is { Host: { Length: > 0 } host, User: { Length: > 0 } user, SecretRef: { Length: > 0 } secretRef, HostKeyFingerprint: { Length: > 0 } pin })
        {
            return (new SshEndpoint(host, spec.Port, user, secretRef, pin,
                spec.ConnectTimeout ?? options.DefaultConnectTimeout, spec.CommandTimeout ?? options.DefaultCommandTimeout), null);
        }

        return (null, "the SSH target names no connection profile and lacks an inline host, user, secretRef or hostKeyFingerprint");
    }
}
