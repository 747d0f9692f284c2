using System.Text.Json;
using Scheduler.Testing;

namespace Scheduler.Functions.Tests.Build;

/// <summary>The Functions app as the Worker SDK built it: its output folder, <c>functions.metadata</c> and <c>extensions.json</c>.</summary>
public static class FunctionsBuild
{
    /// <summary>src/Scheduler.Functions/bin/{configuration}/{tfm}, the same configuration and framework as this test assembly.</summary>
    public static string OutputFolder
    {
        get
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(RepoRoot.Find(), "src", "Scheduler.Functions", "bin", here.Parent!.Name, here.Name);
        }
    }

    public static IReadOnlyList<FunctionEntry> Functions()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputFolder, "functions.metadata")));
        return document.RootElement.EnumerateArray().Select(FunctionEntry.From).ToList();
    }

    /// <summary>The names of the host extensions the build registered (extensions.json).</summary>
    public static IReadOnlyList<string> Extensions()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputFolder, "extensions.json")));
        return document.RootElement.GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList();
    }

    public static FunctionEntry Function(string name) => Functions().Single(f => f.Name == name);
}
