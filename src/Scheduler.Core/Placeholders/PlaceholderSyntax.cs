using System.Text.RegularExpressions;

namespace Scheduler.Core.Placeholders;

/// <summary>How a placeholder is written in a target: <c>{{name}}</c>, spaces inside the braces allowed. The one place that
/// finds them, for validation and for resolution alike.</summary>
public static partial class PlaceholderSyntax
{
    [GeneratedRegex(@"\{\{([^{}]*)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Whether the text holds a placeholder at all.</summary>
    public static bool HasAny(string? text) => text is not null && text.Contains("{{", StringComparison.Ordinal) && Pattern().IsMatch(text);

    /// <summary>Each placeholder in the text with where it starts.</summary>
    public static IEnumerable<(string Name, int Index)> Find(string? text) =>
        text is null ? [] : Pattern().Matches(text).Select(m => (m.Groups[1].Value.Trim(), m.Index));

    /// <summary>The text with each placeholder replaced by <paramref name="replace"/>'s answer; one it answers null for stays as written.</summary>
    public static string Replace(string text, Func<string, string?> replace)
    {
        ArgumentNullException.ThrowIfNull(replace);
        return HasAny(text) ? Pattern().Replace(text, m => replace(m.Groups[1].Value.Trim()) ?? m.Value) : text;
    }
}
