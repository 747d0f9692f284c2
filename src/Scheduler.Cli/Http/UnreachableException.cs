namespace Scheduler.Cli.Http;

/// <summary>No answer from the server: refused, unresolvable or timed out.</summary>
public sealed class UnreachableException(Uri server, string reason, Exception? inner = null)
    : Exception($"Cannot reach the Scheduler API at {server}: {reason}", inner);
