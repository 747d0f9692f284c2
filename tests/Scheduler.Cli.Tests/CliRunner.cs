using System.Diagnostics;
using System.Reflection;

namespace Scheduler.Cli.Tests;

/// <summary>Runs the built CLI (<c>dotnet scheduler.dll ...</c>) as a process with a clean environment and its own HOME,
/// so that no developer's config file or variables leak in.</summary>
public sealed class CliRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public CliRunner(string? server, string? apiKey)
    {
        Home = Directory.CreateTempSubdirectory("scheduler-cli-home-").FullName;
        if (server is not null)
        {
            Environment["SCHEDULER_URL"] = server;
        }

        if (apiKey is not null)
        {
            Environment["SCHEDULER_API_KEY"] = apiKey;
        }
    }

    public string Home { get; }
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public static string CliDll
    {
        get
        {
            var path = typeof(CliRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "CliPath").Value!;
            return File.Exists(path) ? Path.GetFullPath(path) : throw new InvalidOperationException($"The CLI is not built: {path} is missing.");
        }
    }

    /// <summary>Writes <c>~/.config/scheduler/config.json</c> in this runner's HOME.</summary>
    public void WriteConfigFile(string json)
    {
        var folder = Path.Combine(Home, ".config", "scheduler");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "config.json"), json);
    }

    public Task<CliResult> RunAsync(params string[] args) => RunAsync("dotnet", [CliDll, .. args]);

    /// <summary>Runs the CLI in a pseudo-terminal (util-linux <c>script</c>), as a person at a terminal would: ANSI output, 200 columns.</summary>
    public Task<CliResult> RunInTerminalAsync(params string[] args)
    {
        var command = string.Join(' ', new[] { "dotnet", CliDll }.Concat(args).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        return RunAsync("script", ["-qec", $"stty cols 200 rows 60; exec {command}", "/dev/null"]);
    }

    private async Task<CliResult> RunAsync(string program, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(program);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "SCHEDULER_URL", "SCHEDULER_API_KEY", "SCHEDULER_CONFIG", "XDG_CONFIG_HOME" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["HOME"] = Home;
        info.Environment["COLUMNS"] = "220";
        info.Environment["NO_COLOR"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in Environment)
        {
            info.Environment[name] = value;
        }

        var result = await ProcessRun.RunAsync(info, Timeout);
        return new CliResult(result.ExitCode, result.Stdout, result.Stderr);
    }
}
