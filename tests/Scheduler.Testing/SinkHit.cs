namespace Scheduler.Testing;

/// <summary>One request the sink received: its arrival time, method, path (without the query), headers and body.</summary>
public sealed record SinkHit(string Method, string Path, DateTimeOffset ReceivedUtc, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string IdempotencyKey => Headers.GetValueOrDefault("Idempotency-Key", "");

    public string Attempt => Headers.GetValueOrDefault("X-Scheduler-Attempt", "");
}
