using System.Diagnostics;
using System.Globalization;

namespace Scheduler.Testing;

/// <summary>One Azurite process: in memory, no telemetry, stopped by PID (SIGTERM, then SIGKILL after a grace period).</summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);
    private readonly Process _process;
    private readonly OutputTail _output = new();

    private AzuriteProcess(Process process) => _process = process;

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public string Output => _output.ToString();

    /// <summary>Starts Azurite in memory, or persisting to <paramref name="location"/> when given.</summary>
    public static AzuriteProcess Start(string repoRoot, int blobPort, int queuePort, int tablePort, string? location = null)
    {
        var executable = Path.Combine(repoRoot, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed ({executable} is missing): run `npm ci` in {repoRoot}.");
        }

        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
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

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var azurite = new AzuriteProcess(process);
        process.OutputDataReceived += (_, e) => azurite._output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => azurite._output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await TerminateAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task TerminateAsync()
    {
        if (!OperatingSystem.IsWindows())
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", Text(_process.Id)]) { UseShellExecute = false });
            if (kill is not null)
            {
                await kill.WaitForExitAsync().ConfigureAwait(false);
            }

            using var grace = new CancellationTokenSource(Grace);
            try
            {
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException)
            {
                // Azurite sometimes ignores SIGTERM during its queue clean-up: escalate.
            }
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
