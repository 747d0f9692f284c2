namespace Scheduler.Cli;

/// <summary>The command line (or a file it names) is wrong: exit code 1 with this message.</summary>
public sealed class UsageException(string message) : Exception(message);
