namespace Scheduler.Api.Tests.Support;

/// <summary>One request the sink received.</summary>
public sealed record SinkRequest(string Method, string Path, string IdempotencyKey, string Attempt, string Body);
