namespace Scheduler.Core.Runs;

/// <summary>The result of one command within an attempt (SSH command lists, or the single command of a command target).</summary>
public sealed record CommandResult
{
    public required string Command { get; init; }
    public int? ExitCode { get; init; }
    public TimeSpan Duration { get; init; }
    public string? Stdout { get; init; }
    public string? Stderr { get; init; }
    public string? Error { get; init; }
}
