using System.Diagnostics;

namespace Scheduler.Infra.Tests;

/// <summary>Runs <c>scripts/bicep.sh build infra/main.bicep --stdout</c> (installing the CLI on first use).</summary>
internal static class BicepBuild
{
    // The first run downloads the Bicep CLI package; later runs take a few seconds.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task<BicepBuildResult> RunAsync(string repoRoot, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(repoRoot, "scripts", "bicep.sh"));
        startInfo.ArgumentList.Add("build");
        startInfo.ArgumentList.Add(Path.Combine("infra", "main.bicep"));
        startInfo.ArgumentList.Add("--stdout");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException("Could not start bash to run scripts/bicep.sh.");
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep build did not finish within {Timeout}.");
        }

        return new BicepBuildResult(process.ExitCode, await stdout, await stderr);
    }
}
