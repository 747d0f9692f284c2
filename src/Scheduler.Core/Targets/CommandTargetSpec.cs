using System.Text.Json.Serialization;

namespace Scheduler.Core.Targets;

/// <summary>Runs a program on the host (only where the host enables it).</summary>
public sealed record CommandTargetSpec : TargetSpec
{
    [JsonIgnore]
    public override string Kind => TargetKinds.Command;
    public required string Program { get; init; }
    public IReadOnlyList<string> Args { get; init; } = [];
    public string? WorkingDirectory { get; init; }
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    /// <summary>Run <see cref="Program"/> as a script through /bin/sh -c; off unless asked for.</summary>
    public bool UseShell { get; init; }
}
