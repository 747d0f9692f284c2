using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Scheduler.Testing;
using Xunit;

namespace Scheduler.Functions.Tests;

/// <summary>The layers of docs/ARCHITECTURE.md, for every project under <c>src/</c>: the table's "references" column is what
/// the project's file declares, and what it declares is what its compiled assembly uses. So a project cannot use another
/// without declaring it (a type reached through a transitive reference), nor declare one it does not use, and the
/// document cannot drift from either.</summary>
public sealed partial class LayerTests
{
    public static TheoryData<string> SrcProjects() => new(SrcProjectNames());

    private static string[] SrcProjectNames() => Directory.GetDirectories(Path.Combine(RepoRoot.Find(), "src"))
        .Select(d => Path.GetFileName(d)!).Where(p => File.Exists(Path.Combine(RepoRoot.Find(), "src", p, p + ".csproj"))).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [MemberData(nameof(SrcProjects))]
    public void Project_DeclaresWhatTheArchitectureSays(string project)
    {
        var documented = DocumentedReferences();

        Assert.True(documented.ContainsKey(project), $"docs/ARCHITECTURE.md \"Layers\" has no row for {project}.");
        Assert.Equal(documented[project], Declared(project));
    }

    [Theory]
    [MemberData(nameof(SrcProjects))]
    public void Project_UsesExactlyWhatItDeclares(string project)
    {
        Assert.Equal(Declared(project), Compiled(project));
    }

    [Fact]
    public void Architecture_ListsNoProjectThatIsGone()
    {
        Assert.Equal(SrcProjectNames(), DocumentedReferences().Keys.Order(StringComparer.Ordinal));
    }

    private static string[] Declared(string project) =>
        XDocument.Load(Path.Combine(RepoRoot.Find(), "src", project, project + ".csproj")).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The src projects the compiled assembly references (read from its metadata, not loaded).</summary>
    private static string[] Compiled(string project)
    {
        var file = XDocument.Load(Path.Combine(RepoRoot.Find(), "src", project, project + ".csproj"));
        var assemblyName = file.Descendants("AssemblyName").FirstOrDefault()?.Value ?? project;
        var path = Path.Combine(RepoRoot.Find(), "src", project, "bin", Configuration, "net10.0", assemblyName + ".dll");
        Assert.True(File.Exists(path), $"{path} is not built.");
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var names = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name));
        return names.Where(SrcProjectNames().Contains).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The build configuration of this test run (Release in CI): the src projects were built with it.</summary>
    private static string Configuration => new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>The "Layers" table: <c>| `Scheduler.X` | Core, Storage | holds |</c>, "none" for no reference.</summary>
    private static Dictionary<string, string[]> DocumentedReferences()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot.Find(), "docs", "ARCHITECTURE.md"));
        var layers = text[text.IndexOf("## Layers", StringComparison.Ordinal)..];
        layers = layers[..layers.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        return LayerRow().Matches(layers).ToDictionary(
            m => m.Groups["project"].Value,
            m => m.Groups["refs"].Value.Trim() == "none"
                ? []
                : m.Groups["refs"].Value.Split(',', StringSplitOptions.TrimEntries).Select(r => "Scheduler." + r).Order(StringComparer.Ordinal).ToArray());
    }

    [GeneratedRegex(@"^\| `(?<project>Scheduler\.[A-Za-z]+)` \| (?<refs>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex LayerRow();
}
