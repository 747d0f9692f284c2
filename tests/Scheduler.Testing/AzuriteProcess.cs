using System.Diagnostics;
using System.Globalization;

namespace Scheduler.Testing;

/// <summary>The command line of one Azurite: no telemetry, no API version check, loopback only, in memory or on disk.</summary>
internal static class AzuriteProcess
{
    /// <summary>Azurite sometimes ignores SIGTERM during its queue clean-up: it is killed after this.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    /// <summary>Starts Azurite in memory, or persisting to <paramref name="location"/> when given.</summary>
    public static ChildProcess Start(string repoRoot, int blobPort, int queuePort, int tablePort, string? location = null)
    {
        var executable = Path.Combine(repoRoot, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed ({executable} is missing): run `npm ci` in {repoRoot}.");
        }

        var info = new ProcessStartInfo(executable) { WorkingDirectory = Path.GetTempPath() };
        // --inMemoryPersistence and --location together make Azurite exit at start: one or the other.
        string[] persistence = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        string[] args =
        [
            .. persistence, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
            "--blobHost", "127.0.0.1", "--blobPort", Text(blobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Text(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Text(tablePort),
        ];
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return ChildProcess.Start(info, Grace);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
