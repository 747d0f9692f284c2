using System.Text.Json.Nodes;

namespace Scheduler.Cli.Http;

/// <summary>An RFC 9457 problem as the API sends it, with its field errors keyed by JSON path (e.g. <c>schedule.cron</c>).</summary>
public sealed record Problem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
{
    /// <summary>Reads a problem body; anything else (HTML, empty) becomes a problem with the reason phrase as title.</summary>
    public static Problem From(int status, string? reason, string body)
    {
        JsonObject? json = null;
        try
        {
            json = string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            // Not JSON (a proxy's HTML page, plain text): keep the reason phrase.
        }

        var title = Text(json, "title") ?? reason ?? $"HTTP {status}";
        var detail = Text(json, "detail") ?? (json is null && body.Length is > 0 and < 500 ? body.Trim() : null);
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (json?["errors"] is JsonObject map)
        {
            foreach (var (field, messages) in map)
            {
                errors[field] = messages switch
                {
                    JsonArray array => [.. array.Select(m => m?.ToString() ?? "")],
                    null => [],
                    _ => [messages.ToString()],
                };
            }
        }

        return new Problem(status, title, detail, errors);
    }

    private static string? Text(JsonObject? json, string name) =>
        json?[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
