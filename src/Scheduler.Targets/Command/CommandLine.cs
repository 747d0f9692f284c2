using System.Diagnostics;
using System.Text;
using Scheduler.Core.Targets;

namespace Scheduler.Targets.Command;

/// <summary>The process to start for a command target: program resolved on PATH, arguments passed as an array, never through a shell unless asked.</summary>
internal sealed record CommandLine(ProcessStartInfo? StartInfo, string Display, bool OwnProcessGroup, string? Error)
{
    public static CommandLine Create(CommandTargetSpec spec, CommandTargetOptions options)
    {
        var args = spec.Args ?? [];
        var display = Quote(spec.UseShell ? [options.ShellPath, "-c", spec.Program, .. args] : [spec.Program, .. args]);
        var environment = spec.Environment ?? new Dictionary<string, string>();
        var program = spec.UseShell ? options.ShellPath : spec.Program;
        var path = environment.TryGetValue("PATH", out var own) ? own : Environment.GetEnvironmentVariable("PATH");
        if (Resolve(program, path) is not { } resolved)
        {
            return new CommandLine(null, display, false, $"program '{program}' was not found or is not executable" + (program.Contains('/', StringComparison.Ordinal) ? "" : " on PATH"));
        }

        if (spec.WorkingDirectory is { } directory && !Directory.Exists(directory))
        {
            return new CommandLine(null, display, false, $"working directory '{directory}' does not exist");
        }

        List<string> argv = spec.UseShell ? [resolved, "-c", spec.Program, "sh", .. args] : [resolved, .. args];
        var ownGroup = !OperatingSystem.IsWindows() && File.Exists(options.SetsidPath);
        var start = new ProcessStartInfo(ownGroup ? options.SetsidPath : argv[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = spec.WorkingDirectory ?? "",
        };
        foreach (var arg in ownGroup ? argv : argv.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new CommandLine(start, display, ownGroup, null);
    }

    private static string? Resolve(string program, string? path)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            return Path.IsPathRooted(program) && IsExecutable(program) ? program : null;
        }

        return (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string file) =>
        File.Exists(file)
        && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    private static string Quote(IEnumerable<string> argv)
    {
        var text = new StringBuilder();
        foreach (var arg in argv)
        {
            text.Append(text.Length == 0 ? "" : " ");
            text.Append(arg.Length > 0 && !arg.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\' or '$' or '`')
                ? arg
                : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'");
        }

        return text.ToString();
    }
}
