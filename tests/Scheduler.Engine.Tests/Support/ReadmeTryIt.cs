using System.Text.RegularExpressions;
using Scheduler.Testing;

namespace Scheduler.Engine.Tests.Support;

/// <summary>The README's "Try it" block, read from README.md as a user reads it.</summary>
public static partial class ReadmeTryIt
{
    /// <summary>The documented address of <c>scripts/run.sh</c>; a test running on free ports replaces it, and nothing else.</summary>
    public const string DocumentedUrl = "http://127.0.0.1:5080";

    /// <summary>The first bash block under "## Try it".</summary>
    public static string Script()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Find(), "README.md"));
        var section = readme[readme.IndexOf("## Try it", StringComparison.Ordinal)..];
        var block = BashBlock().Match(section);
        return block.Success ? block.Groups["body"].Value : throw new InvalidOperationException("README.md has no bash block under '## Try it'.");
    }

    [GeneratedRegex("```bash\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();
}
