namespace Scheduler.Targets.Command;

/// <summary>Settings of command targets, bound from <c>Scheduler:Targets:Command</c>. Off unless the host enables them.</summary>
public sealed class CommandTargetOptions
{
    public const string SectionName = "Scheduler:Targets:Command";

    /// <summary>Whether this host runs command targets at all; jobs with one are refused at submission when off.</summary>
    public bool Enabled { get; set; }

    /// <summary>The shell of targets with <c>useShell</c>: run as <c>{ShellPath} -c {program} sh {args...}</c>.</summary>
    public string ShellPath { get; set; } = "/bin/sh";

    /// <summary>
    /// util-linux <c>setsid</c>: starts the program in a process group of its own, so that a timeout kills grandchildren
    /// that were re-parented away from the process tree. Unused when the file is missing.
    /// </summary>
    public string SetsidPath { get; set; } = "/usr/bin/setsid";
}
