using System.Text.Json;
using System.Text.Json.Nodes;
using Scheduler.Api.Http;

namespace Scheduler.Api.Audit;

/// <summary>An entity as the audit trail keeps it: its API JSON, with every literal HTTP header value masked but those the
/// target lists in <c>visibleInExcerpts</c> (the rule attempt excerpts follow). Secret references, never secrets, are what the
/// rest of a definition or a connection holds; trigger tokens are recorded without their hash.</summary>
public static class AuditSnapshot
{
    public const string Masked = "***";

    public static string? Of<T>(T? entity)
        where T : class
    {
        if (entity is null)
        {
            return null;
        }

        var node = JsonSerializer.SerializeToNode(entity, ApiJson.Options);
        Mask(node);
        return node?.ToJsonString(ApiJson.Options);
    }

    private static void Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["headers"] is JsonObject headers)
                {
                    var visible = (obj["visibleInExcerpts"] as JsonArray)?.Select(v => v?.GetValue<string>()).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
                    foreach (var name in headers.Select(h => h.Key).Where(n => !visible.Contains(n)).ToList())
                    {
                        headers[name] = Masked;
                    }
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Mask(child);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Mask(item);
                }

                break;
        }
    }
}
