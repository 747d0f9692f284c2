using System.Text.RegularExpressions;
using Scheduler.Api;
using Scheduler.Testing;

namespace Scheduler.Functions.Tests;

/// <summary>The HTTP triggers declared in src/Scheduler.Functions, read from its source.</summary>
public static partial class FunctionsSource
{
    [GeneratedRegex("""\[HttpTrigger\(AuthorizationLevel\.(?<level>\w+),\s*(?<methods>(?:"[a-z]+",\s*)+)Route\s*=\s*ApiRoutes\.(?<route>\w+)\)\]""")]
    private static partial Regex TriggerPattern();

    [GeneratedRegex("""\[Function\("(?<name>\w+)"\)\]|\[Function\(nameof\((?<name>\w+)\)\)\]""")]
    private static partial Regex FunctionNamePattern();

    public static string Folder => Path.Combine(RepoRoot.Find(), "src", "Scheduler.Functions");

    public static string ReadAll() => string.Join('\n', Directory.EnumerateFiles(Folder, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(File.ReadAllText));

    /// <summary>(METHOD, route template, authorization level) of every HTTP trigger.</summary>
    public static IReadOnlyList<(string Method, string Route, string Level)> HttpTriggers() =>
        TriggerPattern().Matches(ReadAll())
            .SelectMany(m => m.Groups["methods"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(method => (method.Trim('"').ToUpperInvariant(), RouteValue(m.Groups["route"].Value), m.Groups["level"].Value)))
            .ToList();

    public static IReadOnlyList<string> FunctionNames() =>
        FunctionNamePattern().Matches(ReadAll()).Select(m => m.Groups["name"].Value).ToList();

    private static string RouteValue(string constant) =>
        typeof(ApiRoutes).GetField(constant)?.GetRawConstantValue() as string
        ?? throw new InvalidOperationException($"ApiRoutes has no constant '{constant}' (used by a Functions trigger).");
}
