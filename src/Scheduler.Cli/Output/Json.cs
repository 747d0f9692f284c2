using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scheduler.Cli.Output;

/// <summary>Reads values out of the API's JSON for tables, tolerating absent members (the API omits nulls).</summary>
public static class Json
{
    /// <summary>The node at a dotted path (<c>definition.schedule.cron</c>), or null.</summary>
    public static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var child) ? child : null;
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    public static string? Str(JsonNode? node, string path) => At(node, path) switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        var other => other.ToJsonString(),
    };

    public static string Text(JsonNode? node, string path, string fallback = "-") => Str(node, path) is { Length: > 0 } s ? s : fallback;

    public static double? Number(JsonNode? node, string path) =>
        At(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;

    public static bool Bool(JsonNode? node, string path) =>
        At(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    public static DateTimeOffset? Time(JsonNode? node, string path) =>
        Str(node, path) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : null;

    public static IEnumerable<JsonNode> Items(JsonNode? node, string path = "items") =>
        At(node, path) is JsonArray array ? array.Where(n => n is not null).Select(n => n!) : [];

    /// <summary>A count from a map keyed by enum names, whatever their casing.</summary>
    public static int Count(JsonNode? map, string name) =>
        map is JsonObject obj && obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value is JsonValue v
            && v.GetValueKind() == JsonValueKind.Number
            ? v.GetValue<int>()
            : 0;
}
