using System.Text.Json.Serialization;

namespace Scheduler.Core.Targets;

/// <summary>Calls a webhook.</summary>
public sealed record HttpTargetSpec : TargetSpec
{
    [JsonIgnore]
    public override string Kind => TargetKinds.Http;
    public string Method { get; init; } = "POST";
    public required string Url { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public string? Body { get; init; }
    /// <summary>Status codes that count as success; empty means any 2xx.</summary>
    public IReadOnlyList<int> SuccessCodes { get; init; } = [];
}
