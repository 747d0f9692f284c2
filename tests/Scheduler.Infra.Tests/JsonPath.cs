using System.Text.Json;

namespace Scheduler.Infra.Tests;

/// <summary>Reads nested JSON values with an assertion message that names the missing path.</summary>
internal static class JsonPath
{
    public static JsonElement At(this JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var segment in path)
        {
            Assert.True(
                current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out current),
                $"Missing '{string.Join('.', path)}' (at '{segment}').");
        }

        return current;
    }

    public static string? StringAt(this JsonElement element, params string[] path) => element.At(path).GetString();

    public static bool BoolAt(this JsonElement element, params string[] path) => element.At(path).GetBoolean();
}
