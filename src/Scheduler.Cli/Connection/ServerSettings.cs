namespace Scheduler.Cli.Connection;

/// <summary>Where the API is and the key to call it with, and where each came from (shown by <c>--verbose</c> style errors).</summary>
public sealed record ServerSettings(Uri Server, string? ApiKey, string ServerSource);
