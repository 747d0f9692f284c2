namespace Scheduler.Core.Connections;

/// <summary>A named, reusable SSH endpoint that jobs reference by name. Secrets go by reference only.</summary>
public sealed record ConnectionProfile
{
    public required string Name { get; init; }
    public required string Host { get; init; }
    public int Port { get; init; } = 22;
    public required string User { get; init; }
    /// <summary>Reference to the private key or password (a configuration key or Key Vault secret name).</summary>
    public required string SecretRef { get; init; }
    /// <summary>Pinned host key fingerprint, <c>SHA256:base64</c> as ssh-keygen prints it.</summary>
    public required string HostKeyFingerprint { get; init; }
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(5);
    public string? ETag { get; init; }
}
