namespace Scheduler.Targets.Tests.Support;

/// <summary>One request as <see cref="HttpSink"/> received it.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
