using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace Scheduler.Bench.Infra;

/// <summary>Names every HTTP request that reaches Azurite by table (or queue) and operation ("jobs read", "slots update(ETag)",
/// "queue receive"...): a finer view than <c>StorageRequestCounter</c>'s service + method, from the requests HttpClient reports
/// through its diagnostic listener. Every try counts, like the counter; requests to other ports (the sink, the API) are ignored.</summary>
internal sealed class StorageOps : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string RequestStart = "System.Net.Http.HttpRequestOut.Start";
    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, PropertyInfo?> requestProperty = new();
    private readonly List<IDisposable> subscriptions = [];
    private readonly int tablePort;
    private readonly int queuePort;
    private readonly string tablePrefix;
    private readonly string? excludedPrefix;
    private readonly IDisposable all;

    /// <param name="excludedPrefix">Tables and queues whose names start with it are not counted (a Durable task hub's own);
    /// batches name no table and are always counted.</param>
    public StorageOps(int tablePort, int queuePort, string tablePrefix, string? excludedPrefix = null)
    {
        this.tablePort = tablePort;
        this.queuePort = queuePort;
        this.tablePrefix = tablePrefix;
        this.excludedPrefix = excludedPrefix;
        all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public long Total => counts.Values.Sum();

    public void Reset() => counts.Clear();

    public IReadOnlyDictionary<string, long> Snapshot() => new SortedDictionary<string, long>(counts, StringComparer.Ordinal);

    public void Dispose()
    {
        all.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
            subscriptions.Clear();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == "HttpHandlerDiagnosticListener")
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this, (name, _, _) => name.StartsWith("System.Net.Http.HttpRequestOut", StringComparison.Ordinal)));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RequestStart || value.Value is null)
        {
            return;
        }

        var property = requestProperty.GetOrAdd(value.Value.GetType(), t => t.GetProperty("Request"));
        if (property?.GetValue(value.Value) is HttpRequestMessage request && Classify(request) is { } operation)
        {
            counts.AddOrUpdate(operation, 1, (_, n) => n + 1);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    /// <summary>"{table} {read|query|insert|update(ETag)|upsert|delete}", "table batch", "queue {send|receive|delete|update}".</summary>
    internal string? Classify(HttpRequestMessage request)
    {
        if (request.RequestUri is not { } uri || (uri.Port != tablePort && uri.Port != queuePort))
        {
            return null;
        }

        var segments = Uri.UnescapeDataString(uri.AbsolutePath).Trim('/').Split('/');
        var rest = segments.Skip(1).ToArray(); // segments[0] is the account
        if (excludedPrefix is not null && rest.Length > 0 && rest[0].StartsWith(excludedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var method = request.Method.Method;
        if (uri.Port == tablePort)
        {
            if (rest.Length == 0)
            {
                return "table other";
            }

            var resource = rest[0];
            if (resource == "$batch")
            {
                return "table batch";
            }

            if (resource.StartsWith("Tables", StringComparison.Ordinal))
            {
                return "table create";
            }

            var paren = resource.IndexOf('(', StringComparison.Ordinal);
            var table = paren >= 0 ? resource[..paren] : resource;
            if (tablePrefix.Length > 0 && table.StartsWith(tablePrefix, StringComparison.OrdinalIgnoreCase))
            {
                table = table[tablePrefix.Length..];
            }

            var keyed = paren >= 0 && resource.Length > paren + 1 && resource[paren + 1] != ')';
            var ifMatch = request.Headers.TryGetValues("If-Match", out var values) ? values.FirstOrDefault() : null;
            var conditional = ifMatch is { Length: > 0 } && ifMatch != "*";
            var operation = method switch
            {
                "GET" => keyed ? "read" : "query",
                "POST" => "insert",
                "PUT" => conditional ? "update(ETag)" : "upsert",
                "MERGE" or "PATCH" => conditional ? "merge(ETag)" : "merge",
                "DELETE" => "delete",
                _ => method,
            };
            return $"{table} {operation}";
        }

        var queue = rest.Length > 0 ? rest[0] : "";
        var poison = queue.EndsWith("-poison", StringComparison.Ordinal) ? " (poison)" : "";
        var messages = rest.Length > 1 && rest[1] == "messages";
        var messageId = rest.Length > 2;
        var peek = uri.Query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase);
        var verb = (messages, messageId, method) switch
        {
            (true, false, "POST") => "send",
            (true, false, "GET") => peek ? "peek" : "receive",
            (true, false, "DELETE") => "clear",
            (true, true, "DELETE") => "delete",
            (true, true, "PUT") => "update",
            (false, _, "PUT") => "create",
            (false, _, "GET") => "properties",
            _ => method,
        };
        return $"queue {verb}{poison}";
    }
}
