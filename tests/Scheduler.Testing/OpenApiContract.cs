using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Scheduler.Testing;

/// <summary>The committed OpenAPI document (<c>docs/openapi.json</c>) as the judge of an answer: the operation its method and path
/// name, a response described for its status, a body of a media type that response lists, valid against that response's schema
/// (JSON Schema 2020-12, as OpenAPI 3.1 schemas are). Nothing here knows a field: the document says it all.</summary>
public sealed class OpenApiContract
{
    private const string Dialect = "https://json-schema.org/draft/2020-12/schema";
    private readonly JsonObject document;
    private readonly JsonObject definitions;
    private readonly List<(Regex Pattern, string Template)> paths;
    private readonly ConcurrentDictionary<string, JsonSchema> schemas = new(StringComparer.Ordinal);
    private readonly BuildOptions build = new() { SchemaRegistry = new SchemaRegistry() };

    public OpenApiContract(string json)
    {
        // Component references become $defs references, so that each response schema is a standalone 2020-12 schema.
        document = JsonNode.Parse(json.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
        definitions = document["components"]?["schemas"]?.AsObject() ?? [];
        paths = document["paths"]!.AsObject().Select(p => (Template(p.Key), p.Key)).ToList();
    }

    /// <summary>The document as committed at the repository's root.</summary>
    public static string CommittedPath => Path.Combine(RepoRoot.Find(), "docs", "openapi.json");

    public static OpenApiContract Committed() => new(File.ReadAllText(CommittedPath));

    /// <summary>Every operation of the document, as <c>"POST /api/jobs"</c>.</summary>
    public IReadOnlyList<string> Operations =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}")).ToList();

    /// <summary>The operation a request is for (<c>"GET /api/jobs/{id}"</c>), or null when the document has none.</summary>
    public string? OperationOf(string method, string path)
    {
        var template = paths.FirstOrDefault(p => p.Pattern.IsMatch(path)).Template;
        return template is not null && document["paths"]![template]![method.ToLowerInvariant()] is not null
            ? $"{method.ToUpperInvariant()} {template}"
            : null;
    }

    /// <summary>What in the answer the document does not allow; empty when it holds.</summary>
    public IReadOnlyList<string> Check(string method, string path, int status, string? mediaType, string body)
    {
        var operation = OperationOf(method, path);
        if (operation is null)
        {
            return [$"{method} {path}: no operation in the document"];
        }

        var template = operation[(operation.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        var responses = document["paths"]![template]![method.ToLowerInvariant()]!["responses"]!.AsObject();
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = responses[key] ?? responses["default"];
        var where = $"{operation} -> {status}";
        if (response is null)
        {
            return [$"{where}: status not described (described: {string.Join(", ", responses.Select(r => r.Key))})"];
        }

        var content = response["content"]?.AsObject();
        if (body.Length == 0)
        {
            return content is null || content.Count == 0 ? [] : [$"{where}: empty body, the document describes {string.Join(", ", content.Select(c => c.Key))}"];
        }

        if (content is null || mediaType is null || content[mediaType]?["schema"] is not { } schema)
        {
            return [$"{where}: a {mediaType ?? "body without a media type"} body, the document describes {(content is null ? "none" : string.Join(", ", content.Select(c => c.Key)))}"];
        }

        var results = SchemaFor($"{where} {mediaType}", schema).Evaluate(JsonDocument.Parse(body).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return results.IsValid
            ? []
            : (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{where}: {d.InstanceLocation} {e.Key}: {e.Value} (schema {d.EvaluationPath})"))
                .DefaultIfEmpty($"{where}: invalid").ToList();
    }

    private JsonSchema SchemaFor(string key, JsonNode schema) => schemas.GetOrAdd(key, _ =>
    {
        var root = new JsonObject
        {
            ["$schema"] = Dialect,
            ["$defs"] = definitions.DeepClone(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        return JsonSchema.FromText(root.ToJsonString(), build, new Uri($"https://scheduler.test/contract/{schemas.Count}/{Guid.NewGuid():N}"));
    });

    /// <summary>"/api/runs/{jobId}/{runId}" matches one value per parameter, escaped as sent.</summary>
    private static Regex Template(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?}", "[^/]+") + "$", RegexOptions.CultureInvariant);
}
