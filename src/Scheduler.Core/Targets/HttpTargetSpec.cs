using System.Text.Json.Serialization;

namespace Scheduler.Core.Targets;

/// <summary>Calls a webhook.</summary>
public sealed record HttpTargetSpec : TargetSpec
{
    [JsonIgnore]
    public override string Kind => TargetKinds.Http;
    public string Method { get; init; } = "POST";
    public required string Url { get; init; }
    /// <summary>Literal header values; a header that carries a credential goes in <see cref="SecretHeaders"/> instead.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    /// <summary>Header name to secret reference: the value is resolved at each attempt and never stored.</summary>
    public IReadOnlyDictionary<string, string> SecretHeaders { get; init; } = new Dictionary<string, string>();
    /// <summary>Query parameter name to secret reference, appended to the URL at each attempt (an Azure Function's <c>code</c>...).</summary>
    public IReadOnlyDictionary<string, string> SecretQuery { get; init; } = new Dictionary<string, string>();
    /// <summary>A bearer token minted at each attempt with the host's identity; none when null.</summary>
    public HttpAuthSpec? Auth { get; init; }
    /// <summary>Names of headers and query parameters whose literal values attempt excerpts may show; every other value is masked.</summary>
    public IReadOnlyList<string> VisibleInExcerpts { get; init; } = [];
    public string? Body { get; init; }
    /// <summary>Status codes that count as success; empty means any 2xx.</summary>
    public IReadOnlyList<int> SuccessCodes { get; init; } = [];
}
