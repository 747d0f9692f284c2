namespace Scheduler.Infra.Tests;

/// <summary>Finds the repository root from the test binaries, wherever the tests run from.</summary>
internal static class RepoRootLocator
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var marked = File.Exists(Path.Combine(dir.FullName, "Scheduler.sln"))
                || File.Exists(Path.Combine(dir.FullName, "global.json"));
            if (marked && File.Exists(Path.Combine(dir.FullName, "scripts", "bicep.sh")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No directory above '{AppContext.BaseDirectory}' holds Scheduler.sln or global.json with scripts/bicep.sh.");
    }
}
