using System.Text.Json.Serialization;

namespace Scheduler.Core.Targets;

/// <summary>Runs commands over SSH, on a named connection profile or an inline endpoint.</summary>
public sealed record SshTargetSpec : TargetSpec
{
    [JsonIgnore]
    public override string Kind => TargetKinds.Ssh;
    /// <summary>Name of a connection profile; when set, the inline endpoint fields must be empty.</summary>
    public string? Connection { get; init; }
    public string? Host { get; init; }
    public int Port { get; init; } = 22;
    public string? User { get; init; }
    /// <summary>Reference to a secret holding the private key or password; never the secret itself.</summary>
    public string? SecretRef { get; init; }
    public string? HostKeyFingerprint { get; init; }
    public required IReadOnlyList<string> Commands { get; init; }
    public bool ContinueOnError { get; init; }
    public TimeSpan? ConnectTimeout { get; init; }
    public TimeSpan? CommandTimeout { get; init; }
}
