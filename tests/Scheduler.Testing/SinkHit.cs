namespace Scheduler.Testing;

/// <summary>One request the sink received: its arrival time, method, path (without the query), headers, body and query (with its '?').</summary>
public sealed record SinkHit(string Method, string Path, DateTimeOffset ReceivedUtc, IReadOnlyDictionary<string, string> Headers, string Body, string Query = "")
{
    public string IdempotencyKey => Headers.GetValueOrDefault("Idempotency-Key", "");

    public string Attempt => Headers.GetValueOrDefault("X-Scheduler-Attempt", "");
}
