using Scheduler.Testing;

namespace Scheduler.Infra.Tests;

/// <summary>A retired name (docs/retired-names.txt) is gone from code and docs: a rename or removal is finished only when
/// nothing still speaks of the old name.</summary>
public sealed class RetiredNamesTests
{
    private const string ListPath = "docs/retired-names.txt";
    private static readonly string[] Folders = ["src", "tests", "docs", "bench"];
    private static readonly string[] RootFiles = ["README.md"];
    private static readonly HashSet<string> Extensions = [".cs", ".md", ".js", ".json", ".bicep", ".sh"];
    private static readonly HashSet<string> SkippedFolders = ["bin", "obj", "node_modules"];
    private static readonly HashSet<string> Exempt = [ListPath, "tests/Scheduler.Infra.Tests/RetiredNamesTests.cs"];

    [Fact]
    public void CodeAndDocs_NameNoRetiredName()
    {
        var root = RepoRoot.Find();
        var retired = RetiredNames.Read(Path.Combine(root, ListPath));

        var hits = Files(root).SelectMany(path => retired.Find(path, File.ReadAllText(Path.Combine(root, path)))).ToList();

        Assert.NotEmpty(retired.Names);
        Assert.True(hits.Count == 0, $"Retired names ({ListPath} says what replaced them):\n{string.Join('\n', hits)}");
    }

    [Fact]
    public void Find_NameAsAWholeWord_ReportsFileAndLine()
    {
        var retired = new RetiredNames(["finalize", "BackgroundSweepSignal"]);

        var hits = retired.Find("README.md", "attempt ─▶ success\n─▶ finalize\nnew BackgroundSweepSignal(x)").ToList();

        Assert.Equal(["README.md:2: finalize", "README.md:3: BackgroundSweepSignal"], hits);
    }

    [Fact]
    public void Find_NameInsideALongerWordOrInAnotherCase_ReportsNothing()
    {
        var retired = new RetiredNames(["finalize", "BackgroundSweepSignal"]);

        Assert.Empty(retired.Find("a.cs", "finalized FinalizeRun BackgroundSweepSignals IBackgroundSweepSignal"));
    }

    private static IEnumerable<string> Files(string root) => Folders
        .SelectMany(folder => Walk(Path.Combine(root, folder)))
        .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
        .Concat(RootFiles)
        .Where(path => Extensions.Contains(Path.GetExtension(path)) && !Exempt.Contains(path))
        .Order(StringComparer.Ordinal);

    private static IEnumerable<string> Walk(string folder) => Directory.EnumerateFiles(folder)
        .Concat(Directory.EnumerateDirectories(folder)
            .Where(d => !SkippedFolders.Contains(Path.GetFileName(d)) && !Path.GetFileName(d).StartsWith('.'))
            .SelectMany(Walk));
}
