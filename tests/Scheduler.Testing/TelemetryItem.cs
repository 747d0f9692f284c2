using System.Text.Json.Nodes;

namespace Scheduler.Testing;

/// <summary>One Application Insights envelope as the Azure Monitor exporter sent it: its type (<c>RemoteDependencyData</c>,
/// <c>RequestData</c>, <c>MessageData</c>, <c>MetricData</c>, <c>EventData</c>, <c>ExceptionData</c>), its time, and its size
/// as JSON (what ingestion stores and bills, near enough).</summary>
public sealed record TelemetryItem(string BaseType, DateTimeOffset Time, int Bytes, JsonObject Envelope)
{
    public JsonObject Data => Envelope["data"]?["baseData"] as JsonObject ?? [];

    /// <summary>The span or request name (dependency, request), or the message text (trace).</summary>
    public string Name => (Data["name"] ?? Data["message"])?.GetValue<string>() ?? "";

    /// <summary>A dependency's type as Application Insights shows it (<c>Http</c>, <c>InProc</c>, <c>Azure table</c>...).</summary>
    public string DependencyType => Data["type"]?.GetValue<string>() ?? "";

    /// <summary>The item's custom property <paramref name="key"/> (span tags, log state values), or empty.</summary>
    public string Property(string key) => Data["properties"]?[key]?.ToString() ?? "";

    public string OperationId => Envelope["tags"]?["ai.operation.id"]?.GetValue<string>() ?? "";

    public bool IsDependency => BaseType == "RemoteDependencyData";
    public bool IsRequest => BaseType == "RequestData";
    public bool IsTrace => BaseType == "MessageData";
    public bool IsMetric => BaseType == "MetricData";

    public override string ToString() => $"{Time:HH:mm:ss.fff} {BaseType} {DependencyType} {Name}".Replace("  ", " ", StringComparison.Ordinal);
}
