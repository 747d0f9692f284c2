using System.Diagnostics;
using Scheduler.Testing;

namespace Scheduler.Infra.Tests;

/// <summary>Runs <c>scripts/bicep.sh build infra/main.bicep --stdout</c> (installing the CLI on first use).</summary>
internal static class BicepBuild
{
    // The first run downloads the Bicep CLI package; later runs take a few seconds.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task<BicepBuildResult> RunAsync(string repoRoot, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("bash") { WorkingDirectory = repoRoot };
        startInfo.ArgumentList.Add(Path.Combine(repoRoot, "scripts", "bicep.sh"));
        startInfo.ArgumentList.Add("build");
        startInfo.ArgumentList.Add(Path.Combine("infra", "main.bicep"));
        startInfo.ArgumentList.Add("--stdout");

        var result = await ProcessRun.RunAsync(startInfo, Timeout, cancellationToken: cancellationToken);
        return new BicepBuildResult(result.ExitCode, result.Stdout, result.Stderr);
    }
}
