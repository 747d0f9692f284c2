using System.Diagnostics;

namespace Scheduler.Targets.Tests.Support;

/// <summary>Runs a setup tool of a fixture (ssh-keygen, useradd...) and fails loudly when it fails.</summary>
public static class Cli
{
    public static async Task<string> RunAsync(string program, IEnumerable<string> args, string? stdin = null)
    {
        var result = await ProcessRun.RunAsync(new ProcessStartInfo(program, args), TimeSpan.FromSeconds(60), stdin);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}");
        }

        return result.Stdout;
    }
}
