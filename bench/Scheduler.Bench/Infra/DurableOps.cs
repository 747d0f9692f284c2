using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Scheduler.Bench.Infra;

/// <summary>Counts the storage requests of Durable's own backend (DurableTask.AzureStorage), every try, by service + HTTP method
/// (as <c>StorageRequestCounter</c> counts the app's) and by named operation: the task hub's tables (History, Instances,
/// Partitions), control and work-item queues, lease blobs. Added as a pipeline policy to the backend's clients only, so the
/// app's requests never reach it.</summary>
internal sealed class DurableOps(string hubName)
{
    private readonly ConcurrentDictionary<string, long> byMethod = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> byOperation = new(StringComparer.Ordinal);

    public long Total => byMethod.Values.Sum();

    public HttpPipelinePolicy PolicyFor(string service) => new CountingPolicy(this, service);

    public void Reset()
    {
        byMethod.Clear();
        byOperation.Clear();
    }

    public IReadOnlyDictionary<string, long> ByMethod() => new SortedDictionary<string, long>(byMethod, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> ByOperation() => new SortedDictionary<string, long>(byOperation, StringComparer.Ordinal);

    private void Count(string service, Request request)
    {
        var method = request.Method.Method;
        var batch = request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) ? " batch" : "";
        byMethod.AddOrUpdate($"{service} {method}{batch}", 1, (_, n) => n + 1);
        byOperation.AddOrUpdate(Name(service, request), 1, (_, n) => n + 1);
    }

    /// <summary>"table History query", "queue control receive", "blob leases lease renew"...: the hub's name dropped.</summary>
    private string Name(string service, Request request)
    {
        var segments = Uri.UnescapeDataString(request.Uri.Path).Trim('/').Split('/');
        var rest = segments.Skip(1).ToArray(); // segments[0] is the account
        var query = request.Uri.Query;
        var method = request.Method.Method;
        var resource = rest.Length > 0 ? rest[0] : "";
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        var name = Unhubbed(paren >= 0 ? resource[..paren] : resource);
        return service switch
        {
            "table" when resource == "$batch" => "table batch",
            "table" when resource.StartsWith("Tables", StringComparison.Ordinal) => "table create/list",
            "table" => $"table {name} {TableVerb(method, paren >= 0 && resource.Length > paren + 1 && resource[paren + 1] != ')', request)}",
            "queue" => $"queue {QueueKind(name)} {QueueVerb(rest, method, query)}",
            _ => $"blob {name} {BlobVerb(rest, method, query, request)}",
        };
    }

    private string Unhubbed(string name) =>
        name.StartsWith(hubName, StringComparison.OrdinalIgnoreCase) ? name[hubName.Length..].TrimStart('-') : name;

    private static string QueueKind(string name) => name.StartsWith("control", StringComparison.Ordinal) ? "control" : name;

    private static string TableVerb(string method, bool keyed, Request request)
    {
        var conditional = request.Headers.TryGetValue("If-Match", out var ifMatch) && ifMatch is { Length: > 0 } && ifMatch != "*";
        return method switch
        {
            "GET" => keyed ? "read" : "query",
            "POST" => "insert",
            "PUT" => conditional ? "update(ETag)" : "upsert",
            "MERGE" or "PATCH" => conditional ? "merge(ETag)" : "merge",
            "DELETE" => "delete",
            _ => method,
        };
    }

    private static string QueueVerb(string[] rest, string method, string query) =>
        (rest.Length > 1 && rest[1] == "messages", rest.Length > 2, method) switch
        {
            (true, false, "POST") => "send",
            (true, false, "GET") => query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) ? "peek" : "receive",
            (true, true, "DELETE") => "delete",
            (true, true, "PUT") => "update",
            (false, _, "PUT") => "create",
            (false, _, "GET") => "properties",
            _ => method,
        };

    private static string BlobVerb(string[] rest, string method, string query, Request request)
    {
        if (query.Contains("comp=lease", StringComparison.OrdinalIgnoreCase))
        {
            return "lease " + (request.Headers.TryGetValue("x-ms-lease-action", out var action) ? action : "?");
        }

        var container = query.Contains("restype=container", StringComparison.OrdinalIgnoreCase);
        return (container, rest.Length > 1, method) switch
        {
            (true, _, "GET") when query.Contains("comp=list", StringComparison.OrdinalIgnoreCase) => "list",
            (true, _, "PUT") => "container create",
            (true, _, _) => "container " + method,
            (false, true, "GET") => "read",
            (false, true, "PUT") => "write",
            (false, true, "HEAD") => "properties",
            (false, true, "DELETE") => "delete",
            _ => method,
        };
    }

    private sealed class CountingPolicy(DurableOps ops, string service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ops.Count(service, message.Request);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ops.Count(service, message.Request);
            return ProcessNextAsync(message, pipeline);
        }
    }
}
