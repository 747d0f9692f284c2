namespace Scheduler.Testing;

/// <summary>What a command run to its end returned and printed.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);
