using System.Text.RegularExpressions;

namespace Scheduler.Infra.Tests;

/// <summary>The names in <c>docs/retired-names.txt</c> (one a line, a <c># comment</c> saying what replaced it) and where they
/// still appear as whole words, case as written.</summary>
public sealed class RetiredNames
{
    private readonly Regex pattern;

    public RetiredNames(IEnumerable<string> names)
    {
        Names = [.. names];
        pattern = new Regex(@"\b(?:" + string.Join('|', Names.Select(Regex.Escape)) + @")\b", RegexOptions.CultureInvariant);
    }

    public IReadOnlyList<string> Names { get; }

    public static RetiredNames Read(string path) => new(File.ReadLines(path)
        .Select(line => line.Split('#', 2)[0].Trim())
        .Where(name => name.Length > 0));

    /// <summary>Each line of <paramref name="text"/> that names a retired name: "label:line: name".</summary>
    public IEnumerable<string> Find(string label, string text) => text.Split('\n')
        .Select((line, index) => (Line: index + 1, Matches: pattern.Matches(line)))
        .Where(l => l.Matches.Count > 0)
        .Select(l => $"{label}:{l.Line}: {string.Join(", ", l.Matches.Select(m => m.Value))}");
}
