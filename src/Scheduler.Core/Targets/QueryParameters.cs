namespace Scheduler.Core.Targets;

/// <summary>The name=value pairs of a URL's query, in order, unescaped, as validation and excerpts read them.</summary>
public static class QueryParameters
{
    public static IReadOnlyList<(string Name, string Value)> Parse(string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return [];
        }

        return query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Unescape(parts[0]), parts.Length > 1 ? Unescape(parts[1]) : ""))
            .ToList();
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
